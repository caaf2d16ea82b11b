import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { DateScalar } from './scalars';

/** The only place that names the Federation version and the directives subgraphs may use. */
const FEDERATION_LINK = `extend schema @link(
  url: "https://specs.apollo.dev/federation/v2.9"
  import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@override", "@listSize"]
)`;

/** `__resolveReference` functions, keyed by entity type name. */
type ReferenceResolvers<TContext> = Record<
  string,
  { __resolveReference: (reference: never, context: TContext) => unknown }
>;

export interface FederatedSchemaOptions<TContext> {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  /** Types that no resolver returns directly but the schema must declare (entity stubs). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  referenceResolvers?: ReferenceResolvers<TContext>;
}

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph's SDL with its Federation directives, as the gateway composes it. */
  sdl: string;
}

/**
 * Builds a Federation 2 subgraph schema from type-graphql classes: type-graphql prints the SDL
 * with the directives its classes carry, @apollo/subgraph adds `_entities` and `_service`, and the
 * reference resolvers join type-graphql's resolver map.
 */
export async function buildFederatedSchema<TContext>(
  options: FederatedSchemaOptions<TContext>,
): Promise<FederatedSchema> {
  const built = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    scalarsMap: [{ type: Date, scalar: DateScalar }],
    skipCheck: true,
    // Inputs are checked with their class-validator decorators before a resolver runs.
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(built)}`;
  const resolvers = createResolversMap(built) as GraphQLResolverMap<TContext>;
  for (const [typeName, reference] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as never;
  }
  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers }]);
  return { schema, sdl };
}
