import type { ScaleResult } from './figures';
import { measure, type Target } from './measure';
import type { Options } from './options';
import { fixed } from './tables';
import { coverageProblem } from './write-check';
import type { WritePlan } from './write-plan';
import { adminSender, WRITE_OPERATION, writers } from './writes';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The write, after the reads, which never see its links (it ends with them undone). A gateway
 * that cannot serve it (one that does not pass the token on, a graph without the mutation) is
 * left out, and said so.
 */
export async function measureWrite(
  target: Target,
  url: string,
  plans: WritePlan[],
  key: string,
  opts: Options,
  into: ScaleResult,
): Promise<void> {
  try {
    const send = await adminSender(url, process.env.JWT_SECRET!);
    const write = await writers(send, plans);
    // Unmeasured: the mutation's first plans, prepared statements and connections.
    await write(1);
    const m = await measure(target, () => write(opts.writeSeconds));
    const problem = await coverageProblem(send, plans[0]).catch((error: unknown) => {
      console.log(`×${into.scale} ${key}: ${WRITE_OPERATION}: ${messageOf(error)}`);
      return undefined;
    });
    if (problem) {
      m.errors += 1;
      m.wrong += 1;
      console.log(
        `×${into.scale} ${key}: ${WRITE_OPERATION} does not do all its work (${problem}): its figures flatter it`,
      );
    }
    if (m.subgraphProblems)
      console.log(
        `×${into.scale} ${key}: its subgraphs logged ${m.subgraphProblems} warnings or errors during the ${WRITE_OPERATION} (above): its figures may not be those of a whole write`,
      );
    (into.operations[WRITE_OPERATION] ??= {})[key] = { ...m, paginated: false };
    console.log(
      `×${into.scale} ${key}: ${WRITE_OPERATION} ${m.rps.toFixed(0)} req/s  p50 ${m.p50} ms  p99 ${m.p99} ms  SQL/req ${fixed(m.statementsPerRequest, 1)}  errors ${m.errors}`,
    );
  } catch (error) {
    console.log(`×${into.scale} ${key}: ${WRITE_OPERATION} left out (${messageOf(error)})`);
  }
}
