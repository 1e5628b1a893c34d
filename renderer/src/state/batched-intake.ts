/**
 * Writes what arrives in bursts in batches: items added while one batch is being written go
 * together in the next, so a burst costs a few transactions (each commit waits for the disk)
 * instead of one each, and an item alone is written at once. Each item's promise settles with its
 * own answer, or with the batch's error.
 */
export class BatchedIntake<Item, Answer> {
  private readonly queue: { item: Item; resolve: (answer: Answer) => void; reject: (error: unknown) => void }[] = [];
  private writing = false;

  constructor(
    private readonly write: (items: Item[]) => Promise<Answer[]>,
    private readonly batchMax = 200,
  ) {}

  add(item: Item): Promise<Answer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.batchMax);
        try {
          const answers = await this.write(batch.map((b) => b.item));
          batch.forEach((b, i) => b.resolve(answers[i]!));
        } catch (error) {
          for (const b of batch) b.reject(error);
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
