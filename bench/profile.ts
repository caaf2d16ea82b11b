import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run profile -- DIR`: what the V8 CPU profiles of `npm run bench -- --profile DIR` say,
 * per process: where the time went by package, and the functions that cost most themselves.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** `typeorm`, `@apollo/server`, `graphql`… for a file in node_modules; our own file otherwise. */
function packageOf(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (inModules) return inModules[1];
  if (!path) return '(native/V8)';
  if (path.startsWith('node:')) return 'node';
  const own = /\/(gateway|subgraphs|bench|scripts)\/(.*)$/.exec(path);
  return own ? `${own[1]}/${own[2].split('/').slice(0, -1).join('/')}` : path;
}

export function summarise(profile: Profile, top = 15) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self].filter(([id]) =>
    /\((idle|program|garbage collector)\)/.test(byId.get(id)!.callFrame.functionName),
  );
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, micros] of self) {
    const { callFrame } = byId.get(id)!;
    if (callFrame.functionName === '(idle)') continue;
    const pkg = callFrame.functionName.startsWith('(')
      ? callFrame.functionName
      : packageOf(callFrame.url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros);
    const fn = `${callFrame.functionName || '(anonymous)'} ${packageOf(callFrame.url)}:${callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
  }
  const busy =
    total - (idle.find(([id]) => byId.get(id)!.callFrame.functionName === '(idle)')?.[1] ?? 0);
  const rows = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => `${((100 * micros) / busy).toFixed(1).padStart(5)} %  ${name}`);
  return { busyMs: busy / 1000, packages: rows(byPackage), functions: rows(byFunction) };
}

function main(): void {
  const dir = process.argv[2];
  if (!dir)
    throw new Error('usage: npm run profile -- DIR (profiles of npm run bench -- --profile DIR)');
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort()) {
    const { busyMs, packages, functions } = summarise(
      JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile,
    );
    console.log(
      `\n## ${file}: ${busyMs.toFixed(0)} ms on CPU\nby package:\n${packages.join('\n')}\nby function (self):\n${functions.join('\n')}`,
    );
  }
}

if (require.main === module) main();
