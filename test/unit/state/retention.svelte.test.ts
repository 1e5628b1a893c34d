// An area's state is garbage once the area closes: nothing the window keeps for its whole life
// (the preference registry, above all) may hold it, or with it every record it read. The
// memory.largest benchmark found the uncertainty area's first state kept this way (8 MB with
// the plan program) by the list-sort preference's parser.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Program } from '../../../renderer/src/domain/program';
import type { Services } from '../../../renderer/src/state/services';
import { UncertaintyState } from '../../../renderer/src/state/uncertainty.svelte';
import { mounted, until, withProgram } from './harness.svelte';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let services: Services;
let program: Program;

beforeEach(async () => {
  ({ services, program } = await withProgram());
});

afterEach(() => services.db.close());

/** Opens the state, lets it load, closes it; a weak reference to what was open. */
async function openAndClose(): Promise<WeakRef<UncertaintyState>> {
  const { value, destroy } = mounted(() => new UncertaintyState(() => program, services));
  await until(() => value.loaded);
  destroy();
  return new WeakRef(value);
}

/** Collects until the reference clears: Dexie keeps a closed query's answer (and what it calls back) for 3 s. */
async function collected(ref: WeakRef<object>): Promise<boolean> {
  for (let attempt = 0; attempt < 50; attempt++) {
    gc();
    if (ref.deref() === undefined) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

it('the uncertainty area, closed, is not kept by the preferences it registered', async () => {
  const first = await openAndClose();
  // A second visit reuses the registered preferences (the same key); the first must still go.
  const second = await openAndClose();
  expect(await collected(first)).toBe(true);
  expect(await collected(second)).toBe(true);
}, 30_000);
