import type { Pool } from 'pg';
import type { Caller } from '../helpers/access';
import { as } from '../helpers/tokens';
import type { Random } from '../../subgraphs/shared/src/dataset/random';
import type { Signer, VersionedTable, World } from './write-draw';
import { writeOps } from './write-generator';
import { readOps, type ReadOp } from './write-reads';
import { count, post, sendWrite, withVersion, type Tally } from './write-runner';

/**
 * One batch of the write fuzzer: its writes sent in waves, a write per concurrent worker, with
 * reads of the derived figures alongside. What went wrong comes back as `Found`: a write failed
 * (not a refusal it allows), or a read had errors or did not hold together.
 */

/** One thing the fuzzer found; `line` says it for a person, the rest is for the report. */
export interface Found {
  batch: number;
  kind: 'write' | 'read' | 'figure' | 'rows';
  line: string;
  figure?: string;
  [detail: string]: unknown;
}

export interface BatchOptions {
  random: Random;
  world: World;
  batch: number;
  size: number;
  workers: number;
  callers: Caller[];
  url: string;
  versions: Pool;
  tally: Tally;
}

const tokens = new Map<string, Promise<Record<string, string>>>();

function headersOf(signer: Signer): Promise<Record<string, string>> {
  if (!signer.roles) return Promise.resolve({});
  const key = `${signer.roles.join()}/${signer.entity ?? ''}`;
  if (!tokens.has(key)) tokens.set(key, as(signer.roles, signer.entity));
  return tokens.get(key)!;
}

async function sendRead(read: ReadOp, url: string, batch: number): Promise<Found | undefined> {
  const answer = await post(url, read.query, read.variables, await headersOf(read.caller));
  let problems: string[];
  try {
    problems =
      answer.status >= 500 || !answer.body?.data || answer.body.errors?.length
        ? [`HTTP ${answer.status}: ${answer.text.slice(0, 300)}`]
        : read.check(answer.body.data);
  } catch (error) {
    problems = [`an answer of another shape (${String(error)}): ${answer.text.slice(0, 300)}`];
  }
  if (!problems.length) return undefined;
  return {
    batch,
    kind: 'read',
    line: `read ${read.name} as ${read.caller.name} ${JSON.stringify(read.variables)}: ${problems.join('; ')}`,
    caller: read.caller.name,
    name: read.name,
    variables: read.variables,
    problems,
  };
}

/** A write as it was sent, and what became of it: for the report of a batch that found something. */
export interface Sent {
  /** Writes of the same wave were sent at the same moment. */
  wave: number;
  kind: string;
  signer: Signer;
  variables: Record<string, unknown>;
  result: string;
}

export async function runBatch(options: BatchOptions): Promise<{ found: Found[]; sent: Sent[] }> {
  const { random, world, batch, url, versions, tally } = options;
  const writes = writeOps(random, world, options.size, `${batch}`, options.workers);
  const reads = readOps(random, world, options.callers, Math.ceil(options.size / 3));
  const context = {
    url,
    headers: headersOf,
    // `table` is one of VersionedTable's names, never a caller's text.
    async version(table: VersionedTable, id: string) {
      const { rows } = await versions.query(`SELECT version FROM ${table} WHERE id = $1`, [id]);
      return (rows[0]?.version as number | undefined) ?? 1;
    },
  };
  const found: Found[] = [];
  const sent: Sent[] = [];
  // In waves: a write per worker, all sent at the same moment once their versions are read, so
  // that transactions on the same rows overlap, as concurrent callers' do at worst; the reads
  // go alongside, a share in each wave.
  const waves = Math.ceil(writes.length / options.workers);
  for (let wave = 0; wave < waves; wave += 1) {
    const start = wave * options.workers;
    const prepared = await Promise.all(
      writes.slice(start, start + options.workers).map(async (op) => ({
        op,
        variables: await withVersion(op, context),
      })),
    );
    const alongside = reads.filter((_, i) => i % waves === wave);
    await Promise.all([
      ...alongside.map(async (read) => {
        const problem = await sendRead(read, url, batch);
        if (problem) found.push(problem);
      }),
      ...prepared.map(async ({ op, variables }) => {
        const outcome = await sendWrite(op, variables, context);
        count(tally, op.kind, outcome);
        const { kind, signer } = op;
        sent.push({ wave, kind, signer, variables, result: outcome.code ?? outcome.result });
        if (outcome.result !== 'failed') return;
        found.push({
          batch,
          kind: 'write',
          line: `${op.kind} as ${op.signer.roles?.join() ?? 'nobody'}${op.signer.entity ? ` of ${op.signer.entity}` : ''} ${JSON.stringify(variables)}: ${outcome.code} ${outcome.message ?? ''}`,
          op: op.kind,
          signer: op.signer,
          variables,
          code: outcome.code,
          message: outcome.message,
        });
      }),
    ]);
  }
  return { found, sent };
}
