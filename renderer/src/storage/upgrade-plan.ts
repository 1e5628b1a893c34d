import type { Transaction } from 'dexie';

/**
 * Database version 5: the plan's tables start empty.
 * (The decision log's work adds the standing matrix decisions here.)
 */
export async function upgradeToPlan(_tx: Transaction): Promise<void> {}
