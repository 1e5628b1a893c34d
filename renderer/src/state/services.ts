import { getContext, setContext } from 'svelte';
import { KeelDB } from '../storage/db';
import { Editor } from '../storage/editor';
import { UndoHistory } from '../storage/history';

/**
 * The window's storage: one database and the one Editor every write goes through (so undo and
 * redo cover every area). Created once per window and shared through context with the state
 * classes, which build their repositories on it; views never see it.
 */
export interface Services {
  db: KeelDB;
  editor: Editor;
}

export function createServices(dbName?: string): Services {
  const db = new KeelDB(dbName);
  return { db, editor: new Editor(db, new UndoHistory()) };
}

const KEY = Symbol('keel-services');

/** The context that provideServices sets, for mounting a view on its own (benchmarks). */
export function servicesContext(services: Services): Map<symbol, Services> {
  return new Map([[KEY, services]]);
}

export function provideServices(services: Services): void {
  setContext(KEY, services);
}

export function useServices(): Services {
  const services = getContext<Services | undefined>(KEY);
  if (!services) throw new Error('useServices() called outside <App>');
  return services;
}
