import DataLoader from 'dataloader';
import { batchedPages, paginate } from '../../../shared/src/batched-pages';
import { MAX_PAGE_SIZE, type KeysetOrder, type PageArgs } from '../../../shared/src/pagination';
import { readQuery } from '../../../shared/src/read-query';
import { recommendationQuery, type QueryScope } from '../queries';
import type { RecommendationFilter } from '../resolvers/inputs/recommendation-filter.input';
import type { NeedFilter } from './coverage.type';

/** Newest assessment first, then in the order of each. */
const NEEDS_ORDER: KeysetOrder = {
  keys: [
    { property: 'startedOn', kind: 'date', alias: 'a', direction: 'DESC' },
    { property: 'id', kind: 'uuid', alias: 'a', direction: 'DESC' },
    { property: 'number', kind: 'integer' },
  ],
  direction: 'ASC',
};

/** An assessment's recommendations in its own order. */
const ASSESSMENT_NEEDS_ORDER: KeysetOrder = {
  keys: [{ property: 'number', kind: 'integer' }],
  direction: 'ASC',
};

const asFilter = (need: NeedFilter | undefined): RecommendationFilter => ({
  priority: need?.priority ? [need.priority] : null,
  technicalAssistanceNeeded: need?.technicalAssistanceNeeded ?? null,
});

/**
 * Coverage, counted from what funding reported projects address (`recommendation_addressed`,
 * kept by `recordAddressed`), over the recommendations the caller may read: per level, one
 * statement for every assessment's counts and one for every parent's unaddressed list.
 */
export function createCoverageLoaders(scope: QueryScope) {
  const addressedTable = `"${scope.db.driver.schema}".recommendation_addressed`;
  const isAddressed = `EXISTS (SELECT 1 FROM ${addressedTable} ra WHERE ra.recommendation_id = r.id AND ra.addressed)`;
  const unaddressedMatching = (filter: RecommendationFilter | null | undefined) =>
    recommendationQuery(scope, filter).andWhere(`NOT ${isAddressed}`);
  const unaddressed = (need: NeedFilter | undefined) => unaddressedMatching(asFilter(need));

  const unaddressedOfAssessment = batchedPages(scope.db, {
    query: unaddressed,
    parent: 'r.assessmentId',
    parentType: 'uuid',
    order: ASSESSMENT_NEEDS_ORDER,
  });

  const counts = new Map<string, DataLoader<string, { total: number; addressed: number }>>();
  const countsUnder = (need: NeedFilter) => {
    const signature = JSON.stringify([need.priority ?? null, need.technicalAssistanceNeeded ?? null]);
    let loader = counts.get(signature);
    if (!loader) {
      loader = new DataLoader(
        async (ids) => {
          const [sql, params] = recommendationQuery(scope, asFilter(need))
            .select('r.assessmentId', 'parent')
            .addSelect('COUNT(*)::int', 'total')
            .addSelect(`(COUNT(*) FILTER (WHERE ${isAddressed}))::int`, 'addressed')
            .andWhere('r.assessmentId = ANY(:ids)', { ids: [...ids] })
            .groupBy('r.assessmentId')
            .getQueryAndParameters();
          const rows: { parent: string; total: number; addressed: number }[] = await readQuery(
            scope.db,
            sql,
            params,
          );
          const byId = new Map(rows.map((row) => [String(row.parent), row]));
          return ids.map((id) => {
            const row = byId.get(id);
            return { total: Number(row?.total ?? 0), addressed: Number(row?.addressed ?? 0) };
          });
        },
        { maxBatchSize: 1000 },
      );
      counts.set(signature, loader);
    }
    return loader;
  };

  return {
    /**
     * Across every state, the readable recommendations that match and that no project addresses,
     * newest assessment first: one page, in one statement.
     */
    unaddressedAcross: (filter: RecommendationFilter | null | undefined, args: PageArgs) =>
      paginate(unaddressedMatching(filter), NEEDS_ORDER, args),
    /**
     * The readable recommendations that match, counted per value of `column` in one statement:
     * how many, and how many a project addresses.
     */
    coverageBy: async (
      column: 'memberStateIso3' | 'thematicAreaCode' | 'priority',
      filter: RecommendationFilter | null | undefined,
    ) => {
      const [sql, params] = recommendationQuery(scope, filter)
        .select(`r.${column}`, 'key')
        .addSelect('COUNT(*)::int', 'recommendations')
        .addSelect(`(COUNT(*) FILTER (WHERE ${isAddressed}))::int`, 'addressed')
        .groupBy(`r.${column}`)
        .getQueryAndParameters();
      const rows: { key: string; recommendations: number; addressed: number }[] =
        await readQuery(scope.db, sql, params);
      return rows.map((row) => ({
        key: String(row.key).trim(),
        recommendations: Number(row.recommendations),
        addressed: Number(row.addressed),
      }));
    },
    /** How many of an assessment's readable recommendations match, and how many are addressed. */
    coverageCounts: (assessmentId: string, need: NeedFilter) => countsUnder(need).load(assessmentId),
    /** An assessment's readable recommendations that match and that no project addresses. */
    unaddressedOfAssessment: async (assessmentId: string, need: NeedFilter) => {
      const page = await unaddressedOfAssessment(assessmentId, {
        first: MAX_PAGE_SIZE,
        filter: need,
      });
      return page.edges.map((edge) => edge.node);
    },
    /** A state's readable recommendations that match and that no project addresses. */
    unaddressedOfState: batchedPages(scope.db, {
      query: unaddressed,
      parent: 'r.memberStateIso3',
      order: NEEDS_ORDER,
    }),
  };
}
