import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateResolver } from 'graphql-scalars';

/** Calendar dates (`2023-05-17`), shared by every subgraph. */
export const DateScalar = DateResolver;

const DECIMAL = /^-?\d{1,20}(\.\d{1,6})?$/;

function checkDecimal(value: unknown): string {
  if (typeof value === 'string' && DECIMAL.test(value)) return value;
  throw new GraphQLError(
    `Decimal amounts are strings of digits with an optional fraction, such as "1250000.00"; got ${JSON.stringify(value)}.`,
    { extensions: { code: 'BAD_USER_INPUT' } },
  );
}

/**
 * An exact decimal number carried as a string, so no amount of money is ever rounded by a
 * floating-point type on its way through the graph.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description:
    'An exact decimal number written as a string, such as "1250000.00". Amounts of money use it so that no value is rounded.',
  serialize: (value) => checkDecimal(typeof value === 'number' ? String(value) : value),
  parseValue: checkDecimal,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('Decimal amounts are written as strings, such as "1250000.00".', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return checkDecimal(ast.value);
  },
});
