import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** A service in a child process that answers typed messages over IPC. */
export interface Child {
  process: ChildProcess;
  /** Sends `{ type }` and resolves with the first reply of the same type. */
  ask<T>(type: string): Promise<T>;
  stop(): Promise<void>;
}

/** Forks one of bench/processes (compiled beside this file) and waits until it is ready. */
export async function startChild<T>(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ child: Child; ready: T }> {
  const child = fork(join(__dirname, '..', 'processes', `${script}.js`), args, {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<T>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`${script} ${args.join(' ')} exited with ${code}`)),
    );
    child.on('message', (message: { type: string } & T) => {
      if (message.type === 'ready') resolve(message);
    });
  });
  child.removeAllListeners('exit');
  return {
    ready,
    child: {
      process: child,
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
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        });
      },
    },
  };
}
