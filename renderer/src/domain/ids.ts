import { failed, passed, type Check } from './check';

/** Random, collision-free ids; records refer to each other by these, never by copies. */
export function newId(): string {
  return crypto.randomUUID();
}

/** Names every object answers to (toString, constructor, __proto__ ...). */
const OBJECT_MEMBERS = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * An id as stored. Keel makes UUIDs; an id from a file that names a member every object has
 * would read that member wherever records are keyed by id (weights, judgements), so it is refused.
 */
export function checkId(id: string): Check<string> {
  return OBJECT_MEMBERS.has(id) ? failed(`"${id}" cannot be an id: every object already has a member of that name.`) : passed(id);
}

/** The value `record` itself holds under `key`: never a member it inherits (toString, __proto__). */
export function ownValue<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
