import DataLoader from 'dataloader';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import {
  afterCursor,
  decodeCursor,
  encodeCursor,
  pageSize,
  sortColumns,
  type KeysetOrder,
  type Page,
  type PageArgs,
} from './pagination';
import { readQuery } from './read-query';

/** Where the pages of one connection field come from. */
export interface PagesSource<T extends ObjectLiteral, F> {
  /**
   * The rows that match `filter`, neither ordered, paged nor narrowed to parents, with `parent`
   * selectable in it (a column of the node, or of a table joined to it).
   */
  query(filter: F | undefined): SelectQueryBuilder<T>;
  /** The parent key of each row, as SQL of that query (TypeORM property paths allowed). */
  parent: string;
  /** What the parent key is in SQL, so it is compared as itself. @default 'text' */
  parentType?: 'text' | 'uuid';
  order: KeysetOrder;
}

/** A row of a page as read: the node and its cursor. */
interface Row<T> {
  node: T;
  cursor: string;
}

/**
 * The pages of a connection under many parents (every state's projects, every entity's
 * assessments), read per level rather than per parent: the first page of every parent in one
 * statement — a LATERAL join of the parents to the node query, each ordered by the keyset and
 * limited to the page, so each parent reads its page and no more (after the cursor when one is
 * given) — and every `totalCount` asked for in one `GROUP BY`. Parents asked for with the same
 * page size, cursor and filter share a statement; the loaders live as long as the request.
 */
export function batchedPages<T extends ObjectLiteral, F = undefined>(
  db: DataSource,
  source: PagesSource<T, F>,
) {
  const groups = new Map<
    string,
    { pages: DataLoader<string, Row<T>[]>; counts: DataLoader<string, number> }
  >();
  const type = source.parentType ?? 'text';

  async function pages(
    parents: readonly string[],
    size: number,
    after: unknown[] | undefined,
    filter: F | undefined,
  ): Promise<Row<T>[][]> {
    const query = source.query(filter);
    query.andWhere(`${parentOf(source)} = parents.key`);
    const read = keysetReader(query, source.order, after);
    const [sql, params] = query.limit(size + 1).getQueryAndParameters();
    const raw: Record<string, unknown>[] = await readQuery(
      db,
      `SELECT parents.key AS "__parent", page.* FROM unnest($${params.length + 1}::${type}[]) AS parents(key)
       CROSS JOIN LATERAL (${sql}) page`,
      [...params, [...parents]],
    );
    const byParent = new Map<string, Row<T>[]>();
    for (const row of raw) {
      const parent = String(row.__parent);
      const rows = byParent.get(parent);
      if (rows) rows.push(read(row));
      else byParent.set(parent, [read(row)]);
    }
    return parents.map((parent) => byParent.get(parent) ?? []);
  }

  async function counts(parents: readonly string[], filter: F | undefined): Promise<number[]> {
    const query = source
      .query(filter)
      .andWhere(`${parentOf(source)} = ANY(:__parents)`, { __parents: [...parents] })
      .select(parentOf(source), '__parent')
      .addSelect('COUNT(*)::int', '__count')
      .groupBy(parentOf(source));
    const [sql, params] = query.getQueryAndParameters();
    const rows: { __parent: unknown; __count: number }[] = await readQuery(db, sql, params);
    const byParent = new Map(rows.map((row) => [String(row.__parent), Number(row.__count)]));
    return parents.map((parent) => byParent.get(parent) ?? 0);
  }

  /** The page of one parent, as a connection resolver returns it. */
  return async function page(
    parent: string,
    args: PageArgs & { filter?: F | null },
  ): Promise<Page<T>> {
    // Checked here, so a bad argument is this field's error, not the whole batch's.
    const size = pageSize(args.first);
    const after = args.after ? decodeCursor(args.after, source.order) : undefined;
    const filter = args.filter ?? undefined;
    const signature = JSON.stringify([size, args.after ?? null, filter ?? null]);
    let group = groups.get(signature);
    if (!group) {
      group = {
        pages: new DataLoader((keys) => pages(keys, size, after, filter), { maxBatchSize: 1000 }),
        counts: new DataLoader((keys) => counts(keys, filter), { maxBatchSize: 1000 }),
      };
      groups.set(signature, group);
    }
    const counted = group.counts;
    return pageOf(await group.pages.load(parent), size, args.after, () => counted.load(parent));
  };
}

/**
 * One page of a filtered query with keyset pagination: the cursor holds the sort keys of the last
 * row, read with the rows (keys may be columns of joined tables or expressions, such as a search
 * rank), so a deep page costs what the first does (no OFFSET scan). The count runs only when
 * `totalCount` is selected.
 */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  order: KeysetOrder,
  args: PageArgs,
): Promise<Page<T>> {
  const size = pageSize(args.first);
  const after = args.after ? decodeCursor(args.after, order) : undefined;
  const counted = query.clone();
  const read = keysetReader(query, order, after);
  const [sql, params] = query.limit(size + 1).getQueryAndParameters();
  const raw: Record<string, unknown>[] = await readQuery(query.connection, sql, params);
  return pageOf(raw.map(read), size, args.after, () => counted.getCount());
}

/**
 * Orders `query` by the keyset, after the cursor's values when given, and selects each key as
 * text, as cursors carry them, whichever table it is in; returns what turns a raw row of it into
 * a node with its cursor.
 */
function keysetReader<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  order: KeysetOrder,
  after: unknown[] | undefined,
) {
  const columns = sortColumns(order, query.alias);
  if (after) {
    const { where, params } = afterCursor(order, query.alias, after);
    query.andWhere(where, params);
  }
  columns.forEach(({ column, direction }, i) =>
    i === 0 ? query.orderBy(column, direction) : query.addOrderBy(column, direction),
  );
  columns.forEach(({ column }, i) => query.addSelect(`(${column})::text`, `__k${i}`));
  const hydrate = hydrator<T>(query);
  return (row: Record<string, unknown>): Row<T> => ({
    node: hydrate(row),
    cursor: encodeCursor(columns.map((_, i) => row[`__k${i}`])),
  });
}

/** A page as a connection resolver returns it, from up to `size + 1` rows read. */
function pageOf<T>(
  rows: Row<T>[],
  size: number,
  after: string | null | undefined,
  totalCount: () => Promise<number>,
): Page<T> {
  const edges = rows.slice(0, size);
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/**
 * The parent key as an expression: TypeORM reads a bare `alias.property` in a select as that
 * column under a new name, which would take it out of the row.
 */
const parentOf = (source: { parent: string }) => `(${source.parent})`;

/**
 * Turns a raw row of `query` (columns aliased `<alias>_<column>`, as TypeORM selects them) into
 * an instance of its entity, with each value as TypeORM would hydrate it.
 */
function hydrator<T extends ObjectLiteral>(query: SelectQueryBuilder<T>) {
  const { metadata, name: alias } = query.expressionMap.mainAlias!;
  const driver = query.connection.driver;
  const columns = metadata.columns.map((column) => ({
    column,
    key: `${alias}_${column.databaseName}`,
  }));
  return (row: Record<string, unknown>): T => {
    const entity = metadata.create() as T;
    for (const { column, key } of columns) {
      column.setEntityValue(entity, driver.prepareHydratedValue(row[key], column));
    }
    return entity;
  };
}
