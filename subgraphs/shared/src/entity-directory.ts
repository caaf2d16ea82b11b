import { GraphQLError } from 'graphql';
import { membershipEntityNames, type PeerReadOptions } from './peer-reference';

/** How often the list of Compact entities is read again. */
const FRESH_MS = 60_000;
/** An acronym not on the list reads it again, at most this often. */
const MISS_REFRESH_MS = 5_000;

/** Whether an acronym names a Compact entity; throws when that cannot be known now. */
export interface EntityCheck {
  has(acronym: string): Promise<boolean>;
}

/**
 * The acronyms of the Compact's entities, so that a token's `entity` claim can be checked: read
 * from membership, which owns them, kept for a minute and read again in the background. An
 * acronym not on the list reads it again (at most every few seconds, however many callers try),
 * so an entity created a moment ago is known. When membership cannot be reached, the last list
 * read stays in use; with none at all, the claim cannot be checked.
 */
export class EntityDirectory implements EntityCheck {
  private known: Set<string> | undefined;
  private readAt = 0;
  private reading: Promise<void> | undefined;

  constructor(private readonly list: () => Promise<readonly string[]>) {}

  private refresh(): Promise<void> {
    this.reading ??= this.list()
      .then((acronyms) => {
        this.known = new Set(acronyms);
      })
      .catch((error: unknown) => {
        if (!this.known) throw error;
      })
      .finally(() => {
        this.readAt = Date.now();
        this.reading = undefined;
      });
    return this.reading;
  }

  /** Whether `acronym` names a Compact entity; throws when that cannot be known now. */
  async has(acronym: string): Promise<boolean> {
    const age = Date.now() - this.readAt;
    if (!this.known) {
      // Membership was just found unreachable: callers are not made to wait for it again at once.
      if (this.readAt > 0 && age < 1_000) throw unverifiable();
      await this.refresh().catch(() => {
        throw unverifiable();
      });
    } else if (age > FRESH_MS) {
      void this.refresh();
    }
    if (this.known!.has(acronym)) return true;
    if (Date.now() - this.readAt > MISS_REFRESH_MS) await this.refresh();
    return this.known!.has(acronym);
  }
}

function unverifiable(): GraphQLError {
  return new GraphQLError(
    'The token names a Compact entity that cannot be checked now: the membership subgraph cannot be reached. Try again shortly.',
    {
      extensions: {
        code: 'SUBGRAPH_UNAVAILABLE',
        subgraph: 'membership',
        retryable: true,
        http: { status: 503 },
      },
    },
  );
}

/**
 * Lists every Compact entity's acronym from the membership subgraph at `url`, page by page. With
 * the graph's signing secret the reads are signed, so membership knows them from inside the graph
 * and does not count them against a caller's rate limit.
 */
export function membershipEntities(url: string, options: PeerReadOptions = {}) {
  const names = membershipEntityNames(url, options);
  return async (): Promise<string[]> => (await names()).map((entity) => entity.key);
}
