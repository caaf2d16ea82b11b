/** A calendar date from the Date scalar (parsed as UTC midnight) as PostgreSQL stores it. */
export function isoDate(value: Date | string | null | undefined): string | null | undefined {
  if (value === null || value === undefined) return value;
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}
