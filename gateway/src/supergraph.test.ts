import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSupergraph } from './supergraph';

const path = 'schema/supergraph.graphql';

test('subgraph URLs are replaced by name, others kept', async () => {
  const sdl = await readSupergraph(path, { funding: 'http://funding.internal:8080/graphql' });
  expect(sdl).toContain('url: "http://funding.internal:8080/graphql"');
  expect(sdl).toContain('url: "http://localhost:4001/graphql"');
  expect(sdl).not.toContain('localhost:4003');
});

test('a URL for a subgraph the supergraph lacks is reported with the names it has', async () => {
  const warnings: string[] = [];
  await readSupergraph(path, { fundng: 'http://x/graphql' }, (message) => warnings.push(message));
  expect(warnings).toEqual([
    'URLs were given for subgraphs the supergraph does not have: fundng (it has assessments, funding, membership).',
  ]);
});

test('a file that is not a supergraph is refused', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'supergraph-')), 'plain.graphql');
  writeFileSync(file, 'type Query { hello: String }');
  await expect(readSupergraph(file, {})).rejects.toThrow('is not a Federation 2 supergraph');
});
