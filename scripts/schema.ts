import 'reflect-metadata';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkContract, type ContractChange } from './contract/breaking';
import { missingDescriptions } from './contract/descriptions';
import { generateSchemaFiles } from './contract/generate';

/**
 * `npm run schema` prints each subgraph's SDL from its code and composes the supergraph into
 * `schema/` (and the copy the Kubernetes manifests read). `npm run schema:check` does the same in memory and fails when the files differ,
 * composition fails, anything clients see lacks a description, or a change breaks the last
 * released contract (`schema/released/`) without an entry in CHANGELOG.md.
 * `npm run schema:release` records the current files as the released contract.
 */
const SCHEMA_DIR = join(process.cwd(), 'schema');
const RELEASED_DIR = join(SCHEMA_DIR, 'released');
const CHANGELOG = join(process.cwd(), 'CHANGELOG.md');
/** Kustomize reads only files inside its folder, so the Kubernetes manifests keep a copy. */
const KUBERNETES_SUPERGRAPH = join(process.cwd(), 'deploy', 'kubernetes', 'supergraph.graphql');

const readOrUndefined = (path: string) => readFile(path, 'utf8').catch(() => undefined);
const line = (change: ContractChange) =>
  `  - ${change.schema}: \`${change.path}\` ${change.message}`;

async function writeAll(dir: string, files: Map<string, string>): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, content] of files) await writeFile(join(dir, name), content);
}

/** What `npm run schema` writes: `schema/` and the Kubernetes copy of the supergraph. */
async function writeCurrent(files: Map<string, string>): Promise<void> {
  await writeAll(SCHEMA_DIR, files);
  await writeFile(KUBERNETES_SUPERGRAPH, files.get('supergraph.graphql')!);
}

async function check(files: Map<string, string>): Promise<string[]> {
  const problems: string[] = [];
  const stale: string[] = [];
  for (const [name, content] of files) {
    if ((await readOrUndefined(join(SCHEMA_DIR, name))) !== content) stale.push(name);
  }
  if ((await readOrUndefined(KUBERNETES_SUPERGRAPH)) !== files.get('supergraph.graphql')) {
    stale.push('deploy/kubernetes/supergraph.graphql');
  }
  if (stale.length) {
    problems.push(
      `These files differ from the code: ${stale.join(', ')}. Run \`npm run schema\` and commit the result.`,
    );
  }
  for (const [name, sdl] of files) {
    const missing = missingDescriptions(sdl);
    if (missing.length) {
      problems.push(
        `${name}: ${missing.length} element(s) without a description (add one in the subgraph's code):\n${missing.map((path) => `  - ${path}`).join('\n')}`,
      );
    }
  }
  const released = (await readdir(RELEASED_DIR).catch(() => [] as string[])).filter((name) =>
    name.endsWith('.graphql'),
  );
  if (!released.length) {
    problems.push(
      'schema/released/ is empty: run `npm run schema:release` to record a first release.',
    );
  }
  const names = [...new Set([...files.keys(), ...released])];
  const report = await checkContract(
    await Promise.all(
      names.map(async (file) => ({
        name: file.replace(/\.graphql$/, ''),
        released: await readOrUndefined(join(RELEASED_DIR, file)),
        current: files.get(file),
      })),
    ),
    (await readOrUndefined(CHANGELOG)) ?? '',
  );
  if (report.dangerous.length) {
    console.warn(`Changes that may affect some clients:\n${report.dangerous.map(line).join('\n')}`);
  }
  if (report.recorded.length) {
    console.log(
      `Breaking changes recorded in CHANGELOG.md:\n${report.recorded.map(line).join('\n')}`,
    );
  }
  if (report.unrecorded.length) {
    problems.push(
      `Breaking changes since the last release that CHANGELOG.md does not record:\n${report.unrecorded.map(line).join('\n')}\n` +
        'Avoid them (add instead of changing; deprecate before removing), or list each path under ' +
        '"## [Unreleased]" › "### Breaking" in CHANGELOG.md, such as "- `Query.projects`: why, and what to use instead."',
    );
  }
  return problems;
}

async function release(files: Map<string, string>): Promise<void> {
  await writeCurrent(files);
  for (const name of await readdir(RELEASED_DIR).catch(() => [] as string[])) {
    if (!files.has(name)) await rm(join(RELEASED_DIR, name));
  }
  await writeAll(RELEASED_DIR, files);
  console.log(
    `recorded ${[...files.keys()].map((f) => `schema/released/${f}`).join(', ')} as the released contract.\n` +
      'Move the entries under "## [Unreleased]" in CHANGELOG.md to a heading for the new version.',
  );
}

async function main(): Promise<void> {
  const files = await generateSchemaFiles();
  if (process.argv.includes('--release')) return release(files);
  if (!process.argv.includes('--check')) {
    await writeCurrent(files);
    console.log(
      `wrote ${[...files.keys()].map((f) => `schema/${f}`).join(', ')}, deploy/kubernetes/supergraph.graphql`,
    );
    return;
  }
  const problems = await check(files);
  if (problems.length) {
    console.error(problems.join('\n\n'));
    process.exit(1);
  }
  console.log(
    'schema/ matches the code and composes; every element is described; no unrecorded breaking change since the last release.',
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
