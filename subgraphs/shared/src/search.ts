import { badUserInput } from './errors';

/** The longest search a caller may send, in characters. */
const MAX_SEARCH_LENGTH = 200;

/** How every `search` filter reads what a person types, said once for the schema. */
export const SEARCH_DESCRIPTION =
  'Words as a person types them (PostgreSQL full-text search, English stemming): all must appear; "quoted words" as a phrase; -word excludes; or between two words takes either. Blank matches everything.';

/**
 * The words of a `search` filter, or null for none (absent or blank). Refuses a search too long to
 * be a person's, before it reaches SQL.
 */
export function parseSearch(search: string | null | undefined, argument: string): string | null {
  const words = search?.trim();
  if (!words) return null;
  if (words.length > MAX_SEARCH_LENGTH) {
    throw badUserInput(
      `"${argument}" may be at most ${MAX_SEARCH_LENGTH} characters; got ${words.length}.`,
      argument,
    );
  }
  return words;
}

/** The SQL condition that a `tsvector` column matches a search, with its words as `:param`. */
export const matchesSearch = (column: string, param: string) =>
  `${column} @@ websearch_to_tsquery('english', :${param})`;
