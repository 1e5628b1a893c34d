/** Random, collision-free ids; records refer to each other by these, never by copies. */
export function newId(): string {
  return crypto.randomUUID();
}
