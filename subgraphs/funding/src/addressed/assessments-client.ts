import { signBody } from '../../../shared/src/gateway-signature';
import type { BucketDigest } from '../../../shared/src/id-digests';

/** One recommendation's state as the relay delivers it, numbered so that a later one wins. */
export interface AddressedChange {
  seq: string;
  recommendationId: string;
  addressed: boolean;
}

/** A recommendation whose copy in assessments a repair changed. */
interface AddressedRepair {
  recommendationId: string;
  addressed: boolean;
  previously: boolean;
}

/** What funding asks of assessments about its copy of "addressed". */
export interface AddressedCopy {
  /** Applies states; resolves once assessments holds them. */
  record(changes: AddressedChange[]): Promise<void>;
  /** Applies states found wrong there; resolves to those whose state changed. */
  repair(changes: AddressedChange[]): Promise<AddressedRepair[]>;
  digests(): Promise<BucketDigest[]>;
  addressedIn(buckets: string[]): Promise<string[]>;
}

/** Assessments' copy at `url`, called with the graph's signature (its only accepted caller). */
export function assessmentsCopy(url: string, signingSecret: string | undefined): AddressedCopy {
  async function call<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    if (!signingSecret) {
      throw new Error('GATEWAY_SIGNING_SECRET is not set: assessments accepts no unsigned changes');
    }
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(signBody({ query, variables }, undefined, signingSecret)),
      signal: AbortSignal.timeout(5_000),
    });
    const answer = (await response.json().catch(() => ({}))) as {
      data?: Record<string, unknown> | null;
      errors?: { message: string }[];
    };
    const [field] = Object.values(answer.data ?? {});
    if (answer.errors?.length || field === undefined || field === null) {
      throw new Error(
        `assessments did not answer: ${answer.errors?.[0]?.message ?? response.status}`,
      );
    }
    return field as T;
  }
  return {
    async record(changes) {
      await call(
        'mutation ($changes: [AddressedChange!]!) { recordAddressed(changes: $changes) }',
        { changes },
      );
    },
    repair: (changes) =>
      call(
        `mutation ($changes: [AddressedChange!]!) {
           repairAddressed(changes: $changes) { recommendationId addressed previously }
         }`,
        { changes },
      ),
    digests: () => call('{ addressedDigests { bucket count digest } }'),
    addressedIn: (buckets) =>
      call('query ($buckets: [String!]!) { addressedIn(buckets: $buckets) }', { buckets }),
  };
}
