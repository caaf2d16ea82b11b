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

test('supergraph.yaml pins the Federation version every subgraph links', () => {
  const versions = subgraphs.map(({ name }) => {
    const sdl = readFileSync(join(root, 'schema', `${name}.graphql`), 'utf8');
    return /https:\/\/specs\.apollo\.dev\/federation\/v(\d+\.\d+)/.exec(sdl)?.[1];
  });
  expect(new Set(versions).size).toBe(1);
  expect(versions[0]).toBeDefined();
  expect(config.federation_version).toBe(`=${versions[0]}.0`);
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
