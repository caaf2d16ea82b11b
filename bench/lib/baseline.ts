import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  unlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { onInterrupt } from './interrupt';
import type { Side } from './services';

export interface Baseline extends Side {
  ref: string;
  commit: string;
  /** How its node_modules came to be. */
  dependencies: 'linked' | 'installed';
  /** Removes its worktree. */
  remove(): void;
}

/** The ref as given, and the commit it names when that is not plain from the ref. */
export function nameOf(ref: string, commit: string): string {
  return commit.startsWith(ref) ? ref : `${ref} (${commit.slice(0, 7)})`;
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
    const release = onInterrupt(() => child.kill('SIGKILL'));
    child.once('error', fail);
    child.once('exit', (code, signal) => {
      release();
      if (code === 0) done();
      else fail(new Error(`${command} ${args.join(' ')} in ${cwd} failed (${signal ?? code})`));
    });
  });
}

/**
 * `ref` checked out into a temporary worktree, its dependencies installed and the whole of it
 * built, so that its own bench/processes can serve the same database and the same workload.
 * When its package-lock.json is the working tree's, its node_modules is a link to the working
 * tree's instead of a fresh `npm ci`.
 */
export async function prepareBaseline(ref: string): Promise<Baseline> {
  const here = process.cwd();
  let commit: string;
  try {
    commit = execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
      cwd: here,
      encoding: 'utf8',
    }).trim();
  } catch {
    throw new Error(`--baseline ${ref}: no such commit in this repository`);
  }
  const root = mkdtempSync(join(tmpdir(), 'compact-graph-baseline-'));
  const modules = join(root, 'node_modules');
  const remove = () => {
    // Unlinked first, so that nothing that removes the worktree can reach the linked modules.
    if (existsSync(modules) && lstatSync(modules).isSymbolicLink()) unlinkSync(modules);
    try {
      execFileSync('git', ['worktree', 'remove', '--force', root], { cwd: here, stdio: 'ignore' });
    } catch {
      rmSync(root, { recursive: true, force: true });
      execFileSync('git', ['worktree', 'prune'], { cwd: here, stdio: 'ignore' });
    }
  };
  const release = onInterrupt(remove);
  try {
    console.log(`baseline ${nameOf(ref, commit)}: checking out into ${root}`);
    await run('git', ['worktree', 'add', '--detach', root, commit], here);
    const lock = (dir: string) => readFileSync(join(dir, 'package-lock.json'));
    let dependencies: Baseline['dependencies'];
    if (existsSync(join(root, 'package-lock.json')) && lock(root).equals(lock(here))) {
      symlinkSync(realpathSync(join(here, 'node_modules')), modules, 'dir');
      dependencies = 'linked';
      console.log(`baseline: same package-lock.json, so node_modules links to this tree's`);
    } else {
      console.log(`baseline: package-lock.json differs; npm ci`);
      // Its warnings (peer dependencies) would bury the bench's own output; errors still show.
      await run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], root);
      dependencies = 'installed';
    }
    console.log('baseline: npm run build');
    await run('npm', ['run', 'build'], root);
    const processes = resolve(root, 'dist', 'bench', 'processes');
    for (const script of ['subgraph.js', 'gateway.js']) {
      if (!existsSync(join(processes, script)))
        throw new Error(`the baseline's build has no dist/bench/processes/${script}`);
    }
    return {
      name: `baseline ${ref}`,
      ref,
      commit,
      root,
      processes,
      dependencies,
      remove() {
        release();
        remove();
      },
    };
  } catch (error) {
    release();
    remove();
    throw error;
  }
}
