import { badUserInput } from './errors';

/**
 * For lookups by one of several keys (`entity(id:)` or `entity(acronym:)`): exactly one must be
 * given.
 */
export function exactlyOne<T extends Record<string, unknown>>(args: T, field: string): keyof T {
  const given = Object.keys(args).filter((key) => args[key] !== undefined && args[key] !== null);
  if (given.length !== 1) {
    const names = Object.keys(args)
      .map((key) => `"${key}"`)
      .join(' or ');
    throw badUserInput(`${field} takes exactly one of ${names}.`);
  }
  return given[0] as keyof T;
}

/** Orders strings as PostgreSQL's "C" collation does, which the text sort columns use. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
