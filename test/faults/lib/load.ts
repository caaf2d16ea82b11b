/** One read the load sends, and the subgraphs it needs. */
export interface Read {
  label: string;
  query: string;
  variables?: Record<string, unknown>;
  subgraphs: string[];
}

export interface Outcome {
  label: string;
  subgraphs: string[];
  start: number;
  end: number;
  status: number;
  /** Complete: HTTP 200 and no error. */
  ok: boolean;
  /** Whether some data came back with the errors. */
  partial: boolean;
  codes: string[];
  /** The subgraphs the errors name. */
  named: string[];
}

/**
 * Steady load at a fixed rate (an open loop: a slow answer does not slow the next request down),
 * with at most `maxInFlight` requests waiting; a request the limit holds back is counted as shed.
 */
export class Load {
  readonly outcomes: Outcome[] = [];
  /** When requests were held back because `maxInFlight` were already waiting. */
  readonly shed: number[] = [];
  private inFlight = 0;
  private timer: NodeJS.Timeout | undefined;
  private pending = new Set<Promise<void>>();

  constructor(
    private readonly url: string,
    private readonly rps: number,
    private readonly maxInFlight: number,
    private readonly next: () => Read,
  ) {}

  start(): void {
    const began = Date.now();
    let sent = 0;
    this.timer = setInterval(() => {
      const due = Math.floor(((Date.now() - began) * this.rps) / 1000);
      for (; sent < due; sent++) {
        if (this.inFlight >= this.maxInFlight) {
          this.shed.push(Date.now());
          continue;
        }
        const request = this.send(this.next());
        this.pending.add(request);
        void request.finally(() => this.pending.delete(request));
      }
    }, 5);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all(this.pending);
  }

  private async send(read: Read): Promise<void> {
    this.inFlight += 1;
    const start = Date.now();
    const outcome: Outcome = {
      label: read.label,
      subgraphs: read.subgraphs,
      start,
      end: start,
      status: 0,
      ok: false,
      partial: false,
      codes: [],
      named: [],
    };
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: read.query, variables: read.variables }),
        signal: AbortSignal.timeout(20_000),
      });
      outcome.status = response.status;
      const body = (await response.json()) as {
        data?: unknown;
        errors?: { extensions?: { code?: string; serviceName?: string } }[];
      };
      const errors = body.errors ?? [];
      outcome.ok = response.status === 200 && errors.length === 0;
      outcome.partial = errors.length > 0 && body.data !== null && body.data !== undefined;
      outcome.codes = errors.map((e) => e.extensions?.code ?? 'NONE');
      outcome.named = errors.flatMap((e) => e.extensions?.serviceName ?? []);
    } catch (error) {
      outcome.codes = [`NO_ANSWER: ${(error as Error).message}`];
    } finally {
      outcome.end = Date.now();
      this.outcomes.push(outcome);
      this.inFlight -= 1;
    }
  }
}
