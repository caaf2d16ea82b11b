import type { DataSource } from 'typeorm';
import { badUserInput } from '../../shared/src/errors';
import { isUuid } from '../../shared/src/ids';
import { parseIso3List } from '../../shared/src/iso3';
import type { KeysetOrder } from '../../shared/src/pagination';
import { matchesSearch, parseSearch } from '../../shared/src/search';
import { regionStatesOf } from '../../shared/src/peer-reference';
import type { AssessmentAccess } from './access';
import { AssessmentThematicArea } from './entities/assessment-link.entity';
import { Assessment } from './entities/assessment.entity';
import { Recommendation } from './entities/recommendation.entity';
import type { AssessmentFilter } from './resolvers/inputs/assessment-filter.input';
import type { RecommendationFilter } from './resolvers/inputs/recommendation-filter.input';

/** Newest first. */
export const ASSESSMENT_ORDER: KeysetOrder = {
  keys: [
    { property: 'startedOn', kind: 'date' },
    { property: 'id', kind: 'uuid' },
  ],
  direction: 'DESC',
};

/** In the order they were made: ids are time-ordered. */
export const RECOMMENDATION_ORDER: KeysetOrder = {
  keys: [{ property: 'id', kind: 'uuid' }],
  direction: 'ASC',
};

/** What a query of one caller's visible rows needs. */
export interface QueryScope {
  db: DataSource;
  access: AssessmentAccess;
}

/** The scope of a resolver's queries, from its context. */
export const scopeOf = ({
  db,
  loaders,
}: {
  db: DataSource;
  loaders: { access: AssessmentAccess };
}): QueryScope => ({
  db,
  access: loaders.access,
});

function checkYear(year: number | null | undefined, argument: string) {
  if (year !== null && year !== undefined && (year < 1900 || year > 2100)) {
    throw badUserInput(`"${argument}" must be a year from 1900 to 2100; got ${year}.`, argument);
  }
}

/** The assessments a caller may list, narrowed by a filter; not yet ordered or paged. */
export function assessmentQuery({ db, access }: QueryScope, filter?: AssessmentFilter | null) {
  const query = access.listed(db.getRepository(Assessment).createQueryBuilder('a'));
  if (!filter) return query;
  const states = parseIso3List(filter.memberState, 'filter.memberState');
  if (states?.length) query.andWhere('a.memberStateIso3 IN (:...states)', { states });
  checkYear(filter.yearFrom, 'filter.yearFrom');
  checkYear(filter.yearTo, 'filter.yearTo');
  if (filter.yearFrom && filter.yearTo && filter.yearFrom > filter.yearTo) {
    throw badUserInput('"filter.yearFrom" must not be after "filter.yearTo".', 'filter.yearFrom');
  }
  if (filter.yearFrom) query.andWhere('a.startedOn >= :from', { from: `${filter.yearFrom}-01-01` });
  if (filter.yearTo) query.andWhere('a.startedOn < :to', { to: `${filter.yearTo + 1}-01-01` });
  if (filter.type?.length) query.andWhere('a.type IN (:...types)', { types: filter.type });
  if (filter.status?.length)
    query.andWhere('a.status IN (:...statuses)', { statuses: filter.status });
  if (filter.confidentiality?.length) {
    query.andWhere('a.confidentiality IN (:...levels)', { levels: filter.confidentiality });
  }
  if (filter.thematicArea?.length) {
    const covered = query
      .subQuery()
      .select('t.assessmentId')
      .from(AssessmentThematicArea, 't')
      .where('t.thematicAreaCode IN (:...areas)')
      .getQuery();
    query.andWhere(`a.id IN ${covered}`, { areas: filter.thematicArea });
  }
  return query;
}

/** The recommendations a caller may read, narrowed by a filter; not yet ordered or paged. */
export function recommendationQuery(
  { db, access }: QueryScope,
  filter?: RecommendationFilter | null,
) {
  const query = access.readable(
    db
      .getRepository(Recommendation)
      .createQueryBuilder('r')
      .innerJoin(Assessment, 'a', 'a.id = r.assessmentId'),
    'a',
  );
  if (!filter) return query;
  const states = parseIso3List(filter.memberState, 'filter.memberState');
  if (states?.length) query.andWhere('r.memberStateIso3 IN (:...states)', { states });
  if (filter.assessment !== null && filter.assessment !== undefined) {
    // An id that cannot exist matches nothing, as an unknown one does.
    if (isUuid(filter.assessment)) {
      query.andWhere('r.assessmentId = :assessment', { assessment: filter.assessment });
    } else {
      query.andWhere('1 = 0');
    }
  }
  if (filter.priority?.length)
    query.andWhere('r.priority IN (:...priorities)', { priorities: filter.priority });
  if (filter.status?.length)
    query.andWhere('r.status IN (:...statuses)', { statuses: filter.status });
  if (filter.thematicArea?.length) {
    query.andWhere('r.thematicAreaCode IN (:...areas)', { areas: filter.thematicArea });
  }
  if (filter.technicalAssistanceNeeded !== null && filter.technicalAssistanceNeeded !== undefined) {
    query.andWhere('r.technicalAssistanceNeeded = :assistance', {
      assistance: filter.technicalAssistanceNeeded,
    });
  }
  // Resolvers look the region's states up first (withRegions), so this stays synchronous.
  const regionStates = regionStatesOf(filter);
  if (regionStates?.length) {
    query.andWhere('r.memberStateIso3 IN (:...regionStates)', { regionStates });
  } else if (regionStates) {
    query.andWhere('1 = 0');
  }
  const words = parseSearch(filter.search, 'filter.search');
  if (words) query.andWhere(matchesSearch('r.search', 'search'), { search: words });
  return query;
}
