import {
  Kind,
  buildASTSchema,
  parse,
  visit,
  type ConstDirectiveNode,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';

/** Federation and link machinery: present in the SDL, not part of what a client can ask for. */
const INTERNAL = /^(join__|link__|federation__|_Service$|_Any$|_Entity$|_FieldSet$|__)/;
const INTERNAL_FIELDS = new Set(['_service', '_entities']);
/** Directives a client sees through introspection; every other usage is routing detail. */
const CLIENT_DIRECTIVES = new Set(['deprecated', 'specifiedBy', 'oneOf']);

function isInternalName(name: string): boolean {
  return INTERNAL.test(name);
}

function isInternalField(name: string): boolean {
  return INTERNAL_FIELDS.has(name) || name.startsWith('__');
}

function definitionName(node: DefinitionNode): string | undefined {
  return 'name' in node && node.name ? node.name.value : undefined;
}

const hasInaccessible = (node: { directives?: readonly ConstDirectiveNode[] }) =>
  node.directives?.some((d) => d.name.value === 'inaccessible') ?? false;

/**
 * The schema a client of this SDL (a subgraph's or the supergraph) can query: federation
 * definitions, `@inaccessible` elements and routing directives removed, so that comparing two
 * versions finds what changed for clients and not how the gateway plans.
 */
export function clientDocument(sdl: string): DocumentNode {
  const document = parse(sdl);
  const definitions = document.definitions.filter((node) => {
    if (node.kind === Kind.SCHEMA_DEFINITION || node.kind === Kind.SCHEMA_EXTENSION) return false;
    if (node.kind === Kind.DIRECTIVE_DEFINITION) return false;
    const name = definitionName(node);
    return !(name && isInternalName(name)) && !hasInaccessible(node as never);
  });
  return visit(
    { ...document, definitions },
    {
      Directive: (node) => (CLIENT_DIRECTIVES.has(node.name.value) ? undefined : null),
      FieldDefinition: (node) =>
        isInternalField(node.name.value) || hasInaccessible(node) ? null : undefined,
      InputValueDefinition: (node) => (hasInaccessible(node) ? null : undefined),
      EnumValueDefinition: (node) => (hasInaccessible(node) ? null : undefined),
    },
  );
}

/** {@link clientDocument} as a schema, for the diff. */
export function clientSchema(sdl: string): GraphQLSchema {
  return buildASTSchema(clientDocument(sdl), { assumeValidSDL: true });
}
