import { createHash } from 'node:crypto';
import { v7 } from 'uuid';

/** The day the Compact was signed: the date of rows that have no date of their own. */
export const DEFAULT_ID_DATE = '2018-02-23';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A deterministic UUID v7 for a row: its timestamp is `date` (UTC midnight), so ids sort by
 * date, and its other bits come from SHA-256 of `${kind}:${key}`, so the same row gets the same
 * id in every build and every process.
 */
export function stableId(kind: string, key: string, date: string = DEFAULT_ID_DATE): string {
  const msecs = ISO_DATE.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
  if (Number.isNaN(msecs)) throw new RangeError(`stableId: "${date}" is not a YYYY-MM-DD date`);
  const random = createHash('sha256').update(`${kind}:${key}`).digest().subarray(0, 16);
  return v7({ msecs, random });
}
