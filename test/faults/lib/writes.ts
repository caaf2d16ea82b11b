import { randomUUID } from 'node:crypto';

export interface WriteRecord {
  code: string;
  key: string;
  attempts: number;
  firstAt: number;
  /** When the write was acknowledged (an answer with its id), if it was. */
  ackAt?: number;
  id?: string;
  /** Why attempts failed: error codes, or NO_ANSWER when the answer was lost. */
  failures: string[];
  /** An answer that retrying cannot fix, such as CONFLICT for a retried key: a bug. */
  fatal?: string;
}

const CREATE =
  'mutation ($input: CreateProjectInput!, $key: String) { createProject(input: $input, idempotencyKey: $key) { id code } }';

/** Errors that say the request itself is wrong; a retry with the same key must never get one. */
const FATAL = [
  'BAD_USER_INPUT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'GRAPHQL_VALIDATION_FAILED',
];

/**
 * Creates projects at a steady rate, each with an idempotency key, as a careful client does:
 * until a write is acknowledged it is sent again with the same key and the same input.
 */
export class Writer {
  readonly records: WriteRecord[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running = new Set<Promise<void>>();
  private stopping = false;
  private count = 0;

  constructor(
    private readonly url: string,
    private readonly authorization: string,
    private readonly prefix: string,
    private readonly input: (code: string) => Record<string, unknown>,
  ) {}

  start(perSecond: number): void {
    this.timer = setInterval(() => {
      const write = this.write();
      this.running.add(write);
      void write.finally(() => this.running.delete(write));
    }, 1000 / perSecond);
  }

  /** Stops starting writes and waits for those under way to be acknowledged. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.stopping = true;
    await Promise.all(this.running);
  }

  private async write(): Promise<void> {
    const record: WriteRecord = {
      code: `${this.prefix}-${String(++this.count).padStart(4, '0')}`,
      key: randomUUID(),
      attempts: 0,
      firstAt: Date.now(),
      failures: [],
    };
    this.records.push(record);
    const deadline = () => (this.stopping ? 60_000 : 180_000);
    while (!record.ackAt && !record.fatal && Date.now() - record.firstAt < deadline()) {
      record.attempts += 1;
      const answer = await this.send(record).catch((error: Error) => {
        record.failures.push(`NO_ANSWER (${error.message})`);
        return undefined;
      });
      if (answer) {
        const created = answer.data?.createProject;
        if (created?.id) {
          record.ackAt = Date.now();
          record.id = created.id;
          break;
        }
        const codes = (answer.errors ?? []).map((e) => e.extensions?.code ?? 'NONE');
        record.failures.push(codes.join(',') || 'NO_DATA');
        const fatal = codes.find((code) => FATAL.includes(code));
        if (fatal) record.fatal = `${fatal}: ${answer.errors?.[0]?.message}`;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  private async send(record: WriteRecord) {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: this.authorization },
      body: JSON.stringify({
        query: CREATE,
        variables: { key: record.key, input: this.input(record.code) },
      }),
      signal: AbortSignal.timeout(20_000),
    });
    return (await response.json()) as {
      data?: { createProject?: { id: string } | null } | null;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
  }
}
