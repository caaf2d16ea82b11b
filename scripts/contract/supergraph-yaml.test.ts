import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { subgraphs } from '../../subgraphs';

interface RoverConfig {
  federation_version: string;
  subgraphs: Record<string, { routing_url: string; schema: { file: string } }>;
}

const root = join(__dirname, '..', '..');
const config = parse(readFileSync(join(root, 'supergraph.yaml'), 'utf8')) as RoverConfig;

test('supergraph.yaml pins Federation 2.5, the version the subgraphs link', () => {
  expect(config.federation_version).toBe('=2.5.0');
  const sdl = readFileSync(join(root, 'schema', 'membership.graphql'), 'utf8');
  expect(sdl).toContain('https://specs.apollo.dev/federation/v2.5');
});

test('supergraph.yaml lists exactly the subgraphs of the code, with their schema files', () => {
  expect(config.subgraphs).toEqual(
    Object.fromEntries(
      subgraphs.map((subgraph) => [
        subgraph.name,
        {
          routing_url: `http://localhost:${subgraph.defaultPort}/graphql`,
          schema: { file: `./schema/${subgraph.name}.graphql` },
        },
      ]),
    ),
  );
  for (const { schema } of Object.values(config.subgraphs)) {
    expect(existsSync(join(root, schema.file))).toBe(true);
  }
});
