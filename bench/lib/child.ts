import { fork, type ChildProcess } from 'node:child_process';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { onInterrupt } from './interrupt';

/**
 * A service in a child process that answers typed messages over IPC: it sends `ready` (with
 * its URL) once listening, and a subgraph answers `statements` with the SQL statements it has
 * sent. Its CPU time and memory are read from /proc, so any version of it can be measured.
 */
export interface Child {
  process: ChildProcess;
  pid: number;
  /** The warnings and errors it has logged so far (JSON log lines at level warn and above). */
  problems(): number;
  /** Sends `{ type }` and resolves with the first reply of the same type. */
  ask<T>(type: string): Promise<T>;
  stop(): Promise<void>;
}

const PROBLEM = /^\{.*"level":\s*(?:"(?:warn|error|fatal)"|[4-6]0\b)/;

/** Whether a line is a JSON log line (pino's level numbers, or names) at warn or above. */
export const isProblem = (line: string) => PROBLEM.test(line);

/**
 * Passes a child's output on, line by line, counting its warnings and errors: a side that keeps
 * failing (a baseline on a schema migrated past its own) may still answer, having done less.
 */
function relay(from: Readable, to: Writable, counted: { problems: number }): void {
  createInterface({ input: from, crlfDelay: Infinity }).on('line', (line) => {
    if (isProblem(line)) counted.problems += 1;
    to.write(`${line}\n`);
  });
}

/** A service that has not said `ready` by then is taken as failed. */
const READY_TIMEOUT_MS = 120_000;

/**
 * Forks a compiled service script (one of bench/processes, of this tree or of the baseline's)
 * in `cwd`, and waits until it is ready.
 */
export async function startChild<T>(
  script: string,
  args: string[],
  env: Record<string, string>,
  cwd = process.cwd(),
  /** Where the child writes a V8 CPU profile when it stops, if anywhere. */
  profileDir?: string,
): Promise<{ child: Child; ready: T }> {
  const child = fork(script, args, {
    cwd,
    execArgv: profileDir
      ? [
          '--cpu-prof',
          `--cpu-prof-dir=${profileDir}`,
          `--cpu-prof-name=${[basename(script, '.js'), ...args].join('-')}.cpuprofile`,
        ]
      : [],
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const counted = { problems: 0 };
  relay(child.stdout!, process.stdout, counted);
  relay(child.stderr!, process.stderr, counted);
  const release = onInterrupt(() => child.kill('SIGKILL'));
  const name = `${basename(script, '.js')} ${args.join(' ')}`;
  let timer: NodeJS.Timeout | undefined;
  try {
    const ready = await new Promise<T>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
      timer = setTimeout(
        () => reject(new Error(`${name} was not ready after ${READY_TIMEOUT_MS / 1000} s`)),
        READY_TIMEOUT_MS,
      );
      child.on('message', (message: { type: string } & T) => {
        if (message.type === 'ready') resolve(message);
      });
    });
    child.removeAllListeners('exit');
    return { ready, child: wrap(child, release, Boolean(profileDir), counted) };
  } catch (error) {
    child.kill('SIGKILL');
    release();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function wrap(
  child: ChildProcess,
  release: () => void,
  profiling: boolean,
  counted: { problems: number },
): Child {
  return {
    process: child,
    pid: child.pid!,
    problems: () => counted.problems,
    ask<R>(type: string) {
      return new Promise<R>((resolve) => {
        const listener = (message: { type: string } & R) => {
          if (message.type !== type) return;
          child.off('message', listener);
          resolve(message);
        };
        child.on('message', listener);
        child.send({ type });
      });
    },
    stop() {
      return new Promise<void>((resolve) => {
        release();
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        if (!profiling) return child.kill('SIGKILL');
        // A profile is written only when the process exits by itself.
        child.send({ type: 'exit' });
        setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
      });
    },
  };
}
