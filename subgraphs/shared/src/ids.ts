const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a caller's id can name a row at all; ids that cannot are simply unknown. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Keeps the ids that can exist, so a malformed id in a batch never fails the whole batch. */
export function knownIds(values: readonly unknown[]): string[] {
  return values.filter(isUuid);
}
