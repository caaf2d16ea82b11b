import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badUserInput } from './errors';
import { isUuid } from './ids';

/** Page size used when a caller gives no `first`. */
export const DEFAULT_PAGE_SIZE = 20;
/** Largest page a caller may ask for. */
export const MAX_PAGE_SIZE = 100;

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'Where a page sits in the whole list.' })
class PageInfo {
  @Field({ description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether this page was asked for after a cursor.' })
  hasPreviousPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the first item on this page; null when the page is empty.',
  })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Cursor of the last item on this page; pass it as `after` to get the next page. Null when the page is empty.',
  })
  endCursor!: string | null;
}

/** What a connection resolver returns; `totalCount` runs only when a caller asks for it. */
export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: () => Promise<number>;
}

/**
 * Declares `<Name>Connection` and `<Name>Edge` for a node type, in the shape Relay clients expect.
 */
export function connectionType<T extends object>(
  name: string,
  node: ClassType<T>,
  plural: string,
  { shareable = false } = {},
): ClassType<Page<T>> {
  // Types that several subgraphs declare alike must say so to compose.
  const share = shareable ? Directive('@shareable') : () => undefined;

  @share
  @ObjectType(`${name}Edge`, {
    simpleResolvers: true,
    description: `One item of a page of ${plural}, with its cursor.`,
  })
  class Edge {
    @Field({ description: 'Opaque position of this item; pass it as `after` to continue.' })
    cursor!: string;

    @Field(() => node, { description: 'The item.' })
    node!: T;
  }

  @share
  @ObjectType(`${name}Connection`, {
    simpleResolvers: true,
    description: `A page of ${plural}, cursor-paginated.`,
  })
  class Connection {
    @Field(() => [Edge], { description: 'The items of this page, in order.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
    pageInfo!: PageInfo;

    @Field(() => Int, {
      description: 'How many items match the filter in all pages, not only this one.',
    })
    totalCount!: number;
  }
  return Connection as unknown as ClassType<Page<T>>;
}

/** Page size from a caller's `first`, refused when negative or above the cap. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput(
      `"first" must be a whole number from 0 to ${MAX_PAGE_SIZE}; got ${first}. Ask for the next page with "after" instead.`,
      'first',
    );
  }
  return first;
}

/** The kind of value a sort column holds, so a cursor can be checked before it reaches SQL. */
type CursorValueKind = 'date' | 'uuid' | 'text' | 'integer' | 'number';

const CURSOR_CHECKS: Record<CursorValueKind, (value: unknown) => boolean> = {
  date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  uuid: isUuid,
  text: (v) => typeof v === 'string' && v.length <= 500,
  integer: (v) => typeof v === 'string' && /^\d{1,18}$/.test(v),
  number: (v) => typeof v === 'string' && /^-?\d{1,20}(\.\d{1,20})?(e[-+]?\d{1,3})?$/.test(v),
};

interface SortKey {
  /** Entity property, as TypeORM names it. */
  property: string;
  kind: CursorValueKind;
  /** The query alias it belongs to. @default the query's main alias */
  alias?: string;
  /** @default the order's direction */
  direction?: 'ASC' | 'DESC';
  /**
   * SQL that computes the key, in place of the column (a search rank); only for orders read
   * with `paginate` or `batchedPages`, which take each key's value from the row.
   */
  expression?: string;
}

export interface KeysetOrder {
  keys: SortKey[];
  direction: 'ASC' | 'DESC';
}

/** Each sort key as a column of a query whose main alias is `alias`, with its direction. */
export function sortColumns(order: KeysetOrder, alias: string) {
  return order.keys.map((key) => ({
    column: key.expression ?? `${key.alias ?? alias}.${key.property}`,
    direction: key.direction ?? order.direction,
  }));
}

/**
 * The rows after a cursor's values in the keyset order, one direction per key:
 * `(k1 > v1) OR (k1 = v1 AND k2 < v2) OR …`.
 */
export function afterCursor(order: KeysetOrder, alias: string, values: unknown[]) {
  const columns = sortColumns(order, alias);
  const params = Object.fromEntries(values.map((value, i) => [`cursor${i}`, value]));
  const branches = columns.map((_, i) => {
    const equal = columns.slice(0, i).map(({ column }, j) => `${column} = :cursor${j}`);
    const { column, direction } = columns[i];
    return [...equal, `${column} ${direction === 'ASC' ? '>' : '<'} :cursor${i}`].join(' AND ');
  });
  return { where: `(${branches.map((branch) => `(${branch})`).join(' OR ')})`, params };
}

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, order: KeysetOrder): unknown[] {
  const refuse = () =>
    badUserInput(
      `"after" is not a cursor of this list: use a cursor returned by the same field (edges.cursor or pageInfo.endCursor).`,
      'after',
    );
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (
    !Array.isArray(values) ||
    values.length !== order.keys.length ||
    !order.keys.every((key, i) => CURSOR_CHECKS[key.kind](values[i]))
  ) {
    throw refuse();
  }
  return values;
}

/**
 * The `first` argument of a list that is not a connection: how many items, `size` by default
 * and at most MAX_PAGE_SIZE. Give the field `@listSize(assumedSize: size, slicingArguments:
 * ["first"])` too, so the cost estimate counts what it may return.
 */
export function listFirst(size: number, more: string) {
  return {
    nullable: true,
    defaultValue: size,
    description: `How many, at most ${MAX_PAGE_SIZE}. ${more}`,
  } as const;
}

/** `first` and `after`, the arguments of every connection field. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size: ${DEFAULT_PAGE_SIZE} by default, at most ${MAX_PAGE_SIZE}.`,
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Continue after this cursor, taken from the same list (edges.cursor or pageInfo.endCursor).',
  })
  after?: string | null;
}
