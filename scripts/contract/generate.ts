import { composeSupergraph } from '../../gateway/src/compose';
import { subgraphs } from '../../subgraphs';

/**
 * Each subgraph's SDL printed from its code, and the supergraph composed from them, by file name
 * (`membership.graphql`…, `supergraph.graphql`), each ending in one newline.
 */
export async function generateSchemaFiles(): Promise<Map<string, string>> {
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
