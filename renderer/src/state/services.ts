import { getContext, setContext } from 'svelte';
import { KeelDB } from '../storage/db';
import { Editor } from '../storage/editor';
import { UndoHistory } from '../storage/history';
import { ProgramRepository } from '../storage/programs-repo';

/** Everything views need from storage, created once per window and shared through context. */
export interface Services {
  db: KeelDB;
  editor: Editor;
  programs: ProgramRepository;
}

export function createServices(dbName?: string): Services {
  const db = new KeelDB(dbName);
  const editor = new Editor(db, new UndoHistory());
  return { db, editor, programs: new ProgramRepository(editor) };
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
