// Partial changes to a record, as update commands carry them: the keys a change leaves undefined
// are not part of it. Pure; never decides whether a change is allowed.

/** Drops the keys a partial change leaves undefined, so spreading it never blanks a field. */
export function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
