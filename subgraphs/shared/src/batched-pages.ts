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
   * The rows of all these parents that match `filter`, neither ordered nor paged, with `parent`
   * selectable in it (a column of the node, or of a table joined to it).
   */
  query(parents: string[], filter: F | undefined): SelectQueryBuilder<T>;
  /** The parent key of each row, as SQL of that query (TypeORM property paths allowed). */
  parent: string;
  order: KeysetOrder;
}

/** A row of a page as read: the node and its cursor. */
interface Row<T> {
  node: T;
  cursor: string;
}

/** One parent's page as read: its rows in order, one more than the page when more follow. */
type Rows<T> = Row<T>[];

/**
 * The pages of a connection under many parents (every state's projects, every entity's
 * assessments), read per level rather than per parent: the first page of every parent in one
 * statement (`ROW_NUMBER() OVER (PARTITION BY parent …)`, after the cursor when one is given),
 * and every `totalCount` asked for in one `GROUP BY`. Parents asked for with the same page size,
 * cursor and filter share a statement; the loaders live as long as the request.
 */
export function batchedPages<T extends ObjectLiteral, F = undefined>(
  db: DataSource,
  source: PagesSource<T, F>,
) {
  const groups = new Map<
    string,
    { pages: DataLoader<string, Rows<T>>; counts: DataLoader<string, number> }
  >();

  async function pages(
    parents: readonly string[],
    size: number,
    after: unknown[] | undefined,
    filter: F | undefined,
  ): Promise<Rows<T>[]> {
    const query = source.query([...parents], filter);
    const columns = sortColumns(source.order, query.alias);
    if (after) {
      const { where, params } = afterCursor(source.order, query.alias, after);
      query.andWhere(where, params);
    }
    const ordered = columns.map(({ column, direction }) => `${column} ${direction}`).join(', ');
    query
      .addSelect(parentOf(source), '__parent')
      .addSelect(
        `ROW_NUMBER() OVER (PARTITION BY ${parentOf(source)} ORDER BY ${ordered})`,
        '__rn',
      );
    // The cursor's values as text, as cursors carry them, whichever table a key is in.
    columns.forEach(({ column }, i) => query.addSelect(`(${column})::text`, `__k${i}`));
    const [sql, params] = query.getQueryAndParameters();
    const raw: Record<string, unknown>[] = await readQuery(
      db,
      `SELECT * FROM (${sql}) page WHERE page."__rn" <= ${size + 1} ORDER BY page."__parent", page."__rn"`,
      params,
    );
    const hydrate = hydrator<T>(query);
    const byParent = new Map<string, Row<T>[]>();
    for (const row of raw) {
      const parent = String(row.__parent);
      const read = {
        node: hydrate(row),
        cursor: encodeCursor(columns.map((_, i) => row[`__k${i}`])),
      };
      const rows = byParent.get(parent);
      if (rows) rows.push(read);
      else byParent.set(parent, [read]);
    }
    return parents.map((parent) => byParent.get(parent) ?? []);
  }

  async function counts(parents: readonly string[], filter: F | undefined): Promise<number[]> {
    const query = source
      .query([...parents], filter)
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
    const { counts: total } = group;
    const rows = await group.pages.load(parent);
    const edges = rows.slice(0, size);
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > size,
        hasPreviousPage: Boolean(args.after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount: () => total.load(parent),
    };
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
