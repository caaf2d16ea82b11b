import { badUserInput } from './errors';

/**
 * A set of ids kept in two places (funding's addressed recommendations and assessments' copy of
 * them) is compared bucket by bucket: both sides compute the same digest of the ids in each
 * bucket, and only the buckets whose digests differ are compared id by id. A bucket is the first
 * two hex digits of the id's MD5, so ids of any form spread evenly over 256 buckets.
 */
export interface BucketDigest {
  bucket: string;
  count: number;
  digest: string;
}

/** The bucket of the uuid in `column`, as SQL. */
export function bucketOf(column: string): string {
  return `substr(md5(${column}::text), 1, 2)`;
}

/** A `SELECT` of each bucket's digest over the ids in `column` of `from` (a FROM … WHERE …). */
export function bucketDigestsSql(column: string, from: string): string {
  return `SELECT ${bucketOf(column)} AS bucket, count(*)::int AS count,
                 md5(string_agg(${column}::text, ',' ORDER BY ${column})) AS digest
            ${from}
           GROUP BY 1`;
}

/** The buckets whose digests differ, either side missing counting as empty. */
export function differingBuckets(
  ours: readonly BucketDigest[],
  theirs: readonly BucketDigest[],
): string[] {
  const key = (d: BucketDigest) => `${d.count}:${d.digest}`;
  const mine = new Map(ours.map((d) => [d.bucket, key(d)]));
  const other = new Map(theirs.map((d) => [d.bucket, key(d)]));
  return [...new Set([...mine.keys(), ...other.keys()])]
    .filter((bucket) => mine.get(bucket) !== other.get(bucket))
    .sort();
}

const BUCKET = /^[0-9a-f]{2}$/;

/** Checks buckets a caller names: at most all 256, each two lower-case hex digits. */
export function requireBuckets(buckets: readonly string[]): string[] {
  const wrong = buckets.find((bucket) => !BUCKET.test(bucket));
  if (wrong !== undefined || buckets.length > 256) {
    throw badUserInput(
      `"buckets" must be at most 256 buckets of two lower-case hex digits${wrong === undefined ? '' : `; "${wrong.slice(0, 16)}" is not one`}.`,
      'buckets',
    );
  }
  return [...new Set(buckets)];
}
