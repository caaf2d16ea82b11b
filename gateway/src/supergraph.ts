import { readFile } from 'node:fs/promises';
import { Kind, parse, print, visit, type ConstDirectiveNode } from 'graphql';

/**
 * Reads a supergraph file and points its subgraphs at the URLs given for this deployment. The
 * names are those of the `join__Graph` enum, lower-cased (`FUNDING` → `funding`).
 */
export async function readSupergraph(
  path: string,
  subgraphUrls: Record<string, string>,
  warn: (message: string) => void = () => {},
): Promise<string> {
  const sdl = await readFile(path, 'utf8');
  const document = parse(sdl);
  const known = new Set<string>();
  const rewritten = visit(document, {
    EnumValueDefinition(node) {
      const graph = node.directives?.find((d) => d.name.value === 'join__graph');
      if (!graph) return undefined;
      const name = graph.arguments?.find((a) => a.name.value === 'name');
      const key = (
        name?.value.kind === Kind.STRING ? name.value.value : node.name.value
      ).toLowerCase();
      known.add(key);
      const url = subgraphUrls[key];
      if (!url) return undefined;
      const directive: ConstDirectiveNode = {
        ...graph,
        arguments: graph.arguments?.map((argument) =>
          argument.name.value === 'url'
            ? { ...argument, value: { kind: Kind.STRING, value: url } }
            : argument,
        ),
      };
      return { ...node, directives: node.directives?.map((d) => (d === graph ? directive : d)) };
    },
  });
  if (known.size === 0) {
    throw new Error(`${path} is not a Federation 2 supergraph: it declares no join__Graph values.`);
  }
  // Not an error: a new supergraph may drop a subgraph whose URL the deployment still sets.
  const unknown = Object.keys(subgraphUrls).filter((key) => !known.has(key));
  if (unknown.length) {
    warn(
      `URLs were given for subgraphs the supergraph does not have: ${unknown.join(', ')} (it has ${[...known].join(', ')}).`,
    );
  }
  return print(rewritten);
}

/** The URL of each subgraph of a supergraph, by its lower-cased name. */
export function subgraphUrlsOf(sdl: string): Record<string, string> {
  const urls: Record<string, string> = {};
  visit(parse(sdl), {
    EnumValueDefinition(node) {
      const graph = node.directives?.find((d) => d.name.value === 'join__graph');
      const argument = (name: string) => {
        const value = graph?.arguments?.find((a) => a.name.value === name)?.value;
        return value?.kind === Kind.STRING ? value.value : undefined;
      };
      const url = argument('url');
      if (url) urls[(argument('name') ?? node.name.value).toLowerCase()] = url;
    },
  });
  return urls;
}
