import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildASTSchema,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  parse,
} from 'graphql';
import { listSizesOf } from '../../subgraphs/shared/src/protection/cost';

/**
 * The cost limit counts every list at the size it may have, so every list of the graph says what
 * that is: a connection (a field that takes `first`) by its page, any other list by a
 * `@listSize(assumedSize:)` next to its field. A list added without one fails here.
 */
const sdl = readFileSync(join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');
const schema = buildASTSchema(parse(sdl), { assumeValidSDL: true });
const sizes = listSizesOf(sdl);
const internal = /^(__|join__|link__)/;

const fields = Object.values(schema.getTypeMap())
  .filter((type) => isObjectType(type) && !internal.test(type.name))
  .flatMap((type) =>
    Object.values((type as import('graphql').GraphQLObjectType).getFields()).map((field) => ({
      path: `${type.name}.${field.name}`,
      type,
      field,
    })),
  );

test('every list declares its size, unless it is a page of a connection', () => {
  const connections = new Set(
    fields
      .filter(({ field }) => field.args.some((a) => a.name === 'first'))
      .map(({ field }) => getNamedType(field.type).name),
  );
  const undeclared = fields.filter(
    ({ path, type, field }) =>
      isListType(getNullableType(field.type)) &&
      !sizes.has(path) &&
      !field.args.some((a) => a.name === 'first') &&
      !(field.name === 'edges' && connections.has(type.name)),
  );
  expect(undeclared.map(({ path }) => path)).toEqual([]);
  expect(sizes.get('Query.memberStates')).toBe(193);
});

test('a declared size is a positive number', () => {
  for (const [path, size] of sizes)
    expect({ path, positive: size > 0 }).toEqual({ path, positive: true });
});
