import { failed, passed, type Check } from './check';

/** Random, collision-free ids; records refer to each other by these, never by copies. */
export function newId(): string {
  return crypto.randomUUID();
}

/** Names every object answers to (toString, constructor, __proto__ ...). */
const OBJECT_MEMBERS = new Set(Object.getOwnPropertyNames(Object.prototype));

/** What joins two ids into one key: a cell is `option:criterion`, a pairwise judgement `row|column`. */
const KEY_JOINERS = /[|:]/;

/**
 * An id as stored. Keel makes UUIDs; an id from a file that names a member every object has
 * would read that member wherever records are keyed by id (weights, judgements), and one holding
 * a joiner would make two different pairs of ids one key, so both are refused.
 */
export function checkId(id: string): Check<string> {
  if (OBJECT_MEMBERS.has(id)) return failed(`"${id}" cannot be an id: every object already has a member of that name.`);
  if (KEY_JOINERS.test(id)) return failed(`"${id}" cannot be an id: Keel joins two ids with "|" and ":", so an id never contains them.`);
  return passed(id);
}

/** The value `record` itself holds under `key`: never a member it inherits (toString, __proto__). */
export function ownValue<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
