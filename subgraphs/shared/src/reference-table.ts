/** How long a reference table is served before it is read again (in the background). */
const FRESH_MS = 300_000;

/**
 * A small table that requests read all the time and no request writes — the 193 Member States,
 * the thematic areas, the Security Council resolutions — read whole, once per process, kept for
 * a few minutes and read again in the background, so that a request costs no statement for it.
 * What migrations or a seed add is served within FRESH_MS.
 */
export class ReferenceTable<T> {
  private rows: T[] | undefined;
  private byKey = new Map<string, T>();
  private readAt = 0;
  private reading: Promise<void> | undefined;

  constructor(
    private readonly load: () => Promise<T[]>,
    private readonly keyOf: (row: T) => string,
  ) {}

  private refresh(): Promise<void> {
    this.reading ??= this.load()
      .then((rows) => {
        this.rows = rows;
        this.byKey = new Map(rows.map((row) => [this.keyOf(row), row]));
        this.readAt = Date.now();
      })
      .finally(() => {
        this.reading = undefined;
      });
    return this.reading;
  }

  /** Every row, in the order `load` gives them. */
  async all(): Promise<readonly T[]> {
    if (!this.rows) await this.refresh();
    else if (Date.now() - this.readAt > FRESH_MS) this.refresh().catch(() => undefined);
    return this.rows!;
  }

  /** The row with this key, or null. */
  async get(key: string): Promise<T | null> {
    await this.all();
    return this.byKey.get(key) ?? null;
  }
}
