import type { VersionedTable, WriteOp } from './write-draw';

/**
 * Sends the write fuzzer's operations and sorts each answer: accepted, refused as the
 * operation allows (counted by code), or failed — any other code, an answer without `data`
 * and without errors, or a server error (5xx) — which fails the run.
 */

export interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface Outcome {
  result: 'accepted' | 'refused' | 'failed';
  /** The first error's code, for a refusal or a failure. */
  code?: string;
  message?: string;
}

/** What an answer means for an operation that may be refused with `mayRefuse`. */
export function classify(status: number, body: Body | undefined, mayRefuse: string[]): Outcome {
  const error = body?.errors?.[0];
  const code = error?.extensions?.code ?? (error ? 'NO_CODE' : undefined);
  if (status >= 500 || !body) {
    return { result: 'failed', code: code ?? `HTTP_${status}`, message: error?.message };
  }
  if (!error) {
    return body.data ? { result: 'accepted' } : { result: 'failed', code: 'NO_DATA' };
  }
  if (mayRefuse.includes(code!)) return { result: 'refused', code };
  return { result: 'failed', code, message: error.message };
}

/** POSTs an operation and reads the body, whatever the status; a body that is not JSON is none. */
export async function post(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<{ status: number; body?: Body; text: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as Body, text };
  } catch {
    return { status: response.status, text };
  }
}

export interface WriteContext {
  url: string;
  headers(signer: WriteOp['signer']): Promise<Record<string, string>>;
  /** The row's version now; 1 for a row that is not there (the write is refused then). */
  version(table: VersionedTable, id: string): Promise<number>;
}

/**
 * The operation's variables with the version the caller would have read just before (a stale
 * one when the operation asks for it).
 */
export async function withVersion(
  op: WriteOp,
  context: WriteContext,
): Promise<Record<string, unknown>> {
  const variables = structuredClone(op.variables);
  if (op.version) {
    const current = await context.version(op.version.table, op.version.id);
    const sent = op.version.stale ? (current > 1 ? current - 1 : current + 1) : current;
    if (op.version.in === 'input') {
      (variables.input as Record<string, unknown>).expectedVersion = sent;
    } else variables.expectedVersion = sent;
  }
  return variables;
}

/** Sends the write and sorts its answer. */
export async function sendWrite(
  op: WriteOp,
  variables: Record<string, unknown>,
  context: WriteContext,
): Promise<Outcome> {
  const answer = await post(context.url, op.query, variables, await context.headers(op.signer));
  const outcome = classify(answer.status, answer.body, [
    ...op.mayRefuse,
    ...(op.version?.stale ? ['CONFLICT'] : []),
  ]);
  if (outcome.result === 'failed' && !outcome.message) outcome.message = answer.text.slice(0, 300);
  return outcome;
}

/** Per kind of write: how many were tried, accepted, refused (by code) and failed. */
export type Tally = Record<
  string,
  { tried: number; accepted: number; refused: Record<string, number>; failed: number }
>;

export function count(tally: Tally, kind: string, outcome: Outcome): void {
  const row = (tally[kind] ??= { tried: 0, accepted: 0, refused: {}, failed: 0 });
  row.tried += 1;
  if (outcome.result === 'accepted') row.accepted += 1;
  else if (outcome.result === 'failed') row.failed += 1;
  else row.refused[outcome.code!] = (row.refused[outcome.code!] ?? 0) + 1;
}

/** The tally as a table, one kind a line. */
export function tallyLines(tally: Tally): string[] {
  return Object.entries(tally)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([kind, row]) => {
      const refused = Object.entries(row.refused)
        .map(([code, n]) => `${code} ${n}`)
        .join(', ');
      return `${kind.padEnd(48)} tried ${String(row.tried).padStart(4)}  accepted ${String(row.accepted).padStart(4)}  refused ${String(row.tried - row.accepted - row.failed).padStart(4)}${refused ? ` (${refused})` : ''}${row.failed ? `  FAILED ${row.failed}` : ''}`;
    });
}
