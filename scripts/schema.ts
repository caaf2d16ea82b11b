import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { composeSupergraph } from '../gateway/src/compose';
import { subgraphs } from '../subgraphs';

/**
 * `npm run schema` prints each subgraph's SDL from its code and composes the supergraph into
 * `schema/`. `npm run schema:check` does the same in memory and fails when the files differ or
 * composition fails, so the checked-in contract never drifts from the code.
 */
const SCHEMA_DIR = join(process.cwd(), 'schema');

async function generate(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const sdls = [];
  for (const subgraph of subgraphs) {
    const { sdl } = await subgraph.buildSchema();
    files.set(`${subgraph.name}.graphql`, `${sdl.trim()}\n`);
    sdls.push({
      name: subgraph.name,
      sdl,
      url: `http://localhost:${subgraph.defaultPort}/graphql`,
    });
  }
  files.set('supergraph.graphql', `${composeSupergraph(sdls).trim()}\n`);
  return files;
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const files = await generate();
  const stale: string[] = [];
  for (const [name, content] of files) {
    const path = join(SCHEMA_DIR, name);
    if (check) {
      const current = await readFile(path, 'utf8').catch(() => null);
      if (current !== content) stale.push(name);
    } else {
      await writeFile(path, content);
    }
  }
  if (stale.length) {
    console.error(
      `schema/ differs from the code: ${stale.join(', ')}. Run \`npm run schema\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log(
    check
      ? 'schema/ matches the code and composes.'
      : `wrote ${[...files.keys()].map((f) => `schema/${f}`).join(', ')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
