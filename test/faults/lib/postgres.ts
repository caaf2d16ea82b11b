import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { Client } from 'pg';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How to restart the PostgreSQL server DATABASE_URL names (it must be this machine's). */
function restartCommand(): string[] {
  if (process.env.FAULT_PG_RESTART) return process.env.FAULT_PG_RESTART.split(' ');
  const versions = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : [];
  if (versions.length === 0) {
    throw new Error(
      'The fault test restarts PostgreSQL and found no cluster in /etc/postgresql: set FAULT_PG_RESTART to the command that restarts the server DATABASE_URL names.',
    );
  }
  return ['pg_ctlcluster', '--skip-systemctl-redirect', versions[0], 'main', 'restart'];
}

async function postgresAnswers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Restarts the server, asynchronously so the load goes on, and tells when it stopped answering
 * and when it answered again.
 */
export async function restartPostgres(): Promise<{ downAt: number; upAt: number }> {
  const [command, ...args] = restartCommand();
  const url = process.env.DATABASE_URL!;
  let finished = false;
  const restarting = promisify(execFile)(command, args).finally(() => (finished = true));
  let downAt: number | undefined;
  for (;;) {
    const answers = await postgresAnswers(url);
    if (!answers) downAt ??= Date.now();
    if (answers && (downAt !== undefined || finished)) break;
    await sleep(50);
  }
  const upAt = Date.now();
  await restarting;
  return { downAt: downAt ?? upAt, upAt };
}

/** Starts the server again if it does not answer, so a failed run never leaves it stopped. */
export async function ensurePostgresRunning(url: string): Promise<void> {
  if (await postgresAnswers(url)) return;
  const [command, ...args] = restartCommand();
  const start = process.env.FAULT_PG_RESTART
    ? args
    : args.map((a) => (a === 'restart' ? 'start' : a));
  execFileSync(command, start, { stdio: 'ignore' });
}
