import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { isUuid, knownIds } from '../../shared/src/ids';
import { parseIso3List } from '../../shared/src/iso3';
import type { KeysetOrder } from '../../shared/src/pagination';
import { matchesSearch, parseSearch } from '../../shared/src/search';
import { regionStatesOf } from '../../shared/src/peer-reference';
import { Contribution } from './entities/contribution.entity';
import {
  ProjectBeneficiary,
  ProjectPartner,
  ProjectThematicArea,
} from './entities/project-link.entity';
import { Project } from './entities/project.entity';
import type { ContributionFilter } from './resolvers/inputs/contribution-filter.input';
import type { ProjectFilter } from './resolvers/inputs/project-filter.input';

export const PROJECT_ORDER: KeysetOrder = {
  keys: [{ property: 'code', kind: 'text' }],
  direction: 'ASC',
};

/** Newest pledge first. */
export const CONTRIBUTION_ORDER: KeysetOrder = {
  keys: [
    { property: 'pledgedOn', kind: 'date' },
    { property: 'id', kind: 'uuid' },
  ],
  direction: 'DESC',
};

/** `column = id`, or nothing at all when the id cannot exist. */
function whereId<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  column: string,
  id: string,
) {
  const name = column.replace('.', '_');
  return isUuid(id)
    ? query.andWhere(`${column} = :${name}`, { [name]: id })
    : query.andWhere('1 = 0');
}

/** `p.id IN (SELECT project_id FROM link WHERE column IN (:...values))`. */
function throughLink<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  link: new () => object,
  column: string,
  values: string[],
  alias = `${column}_link`,
) {
  const sub = query
    .subQuery()
    .select(`${alias}.projectId`)
    .from(link, alias)
    .where(`${alias}.${column} IN (:...${alias})`)
    .getQuery();
  return query.andWhere(`p.id IN ${sub}`, { [alias]: values });
}

/** Projects narrowed by a filter; not yet ordered or paged. */
export function projectQuery({ db }: { db: DataSource }, filter?: ProjectFilter | null) {
  const query = db.getRepository(Project).createQueryBuilder('p');
  if (!filter) return query;
  if (filter.status?.length)
    query.andWhere('p.status IN (:...statuses)', { statuses: filter.status });
  if (filter.leadEntity?.length) {
    query.andWhere('p.leadEntityAcronym IN (:...leads)', { leads: filter.leadEntity });
  }
  const states = parseIso3List(filter.beneficiaryState, 'filter.beneficiaryState');
  if (states?.length) throughLink(query, ProjectBeneficiary, 'memberStateIso3', states);
  if (filter.thematicArea?.length) {
    throughLink(query, ProjectThematicArea, 'thematicAreaCode', filter.thematicArea);
  }
  if (filter.programme) whereId(query, 'p.programmeId', filter.programme);
  if (filter.appeal) whereId(query, 'p.appealId', filter.appeal);
  // Resolvers look the region's states up first (withRegions), so this stays synchronous.
  const regionStates = regionStatesOf(filter);
  if (regionStates?.length) {
    throughLink(query, ProjectBeneficiary, 'memberStateIso3', regionStates, 'region_link');
  } else if (regionStates) {
    query.andWhere('1 = 0');
  }
  if (filter.partnerEntity?.length) {
    throughLink(query, ProjectPartner, 'entityAcronym', filter.partnerEntity);
  }
  if (filter.donor?.length) {
    // Ids that cannot exist match nothing, as unknown ones do.
    const donors = knownIds(filter.donor);
    const funded = query
      .subQuery()
      .select('donor_c.projectId')
      .from(Contribution, 'donor_c')
      .where('donor_c.donorId IN (:...donors)')
      .andWhere('donor_c.deletedAt IS NULL')
      .getQuery();
    if (donors.length) query.andWhere(`p.id IN ${funded}`, { donors });
    else query.andWhere('1 = 0');
  }
  const words = parseSearch(filter.search, 'filter.search');
  if (words) query.andWhere(matchesSearch('p.search', 'projectSearch'), { projectSearch: words });
  return query;
}

/**
 * Best match first, then by code: the order of `Query.projects` with a search. The rank is
 * PostgreSQL's `ts_rank` of the title (weighted A) and summary (B).
 */
export const RANKED_PROJECT_ORDER: KeysetOrder = {
  keys: [
    {
      property: 'rank',
      expression: `ts_rank(p.search, websearch_to_tsquery('english', :projectSearch))`,
      kind: 'number',
      direction: 'DESC',
    },
    { property: 'code', kind: 'text', direction: 'ASC' },
  ],
  direction: 'ASC',
};

/** Contributions narrowed by a filter; not yet ordered or paged. */
export function contributionQuery({ db }: { db: DataSource }, filter?: ContributionFilter | null) {
  const query = db.getRepository(Contribution).createQueryBuilder('c');
  if (!filter) return query;
  if (filter.donor) whereId(query, 'c.donorId', filter.donor);
  if (filter.project) whereId(query, 'c.projectId', filter.project);
  if (filter.programme) whereId(query, 'c.programmeId', filter.programme);
  if (filter.status?.length)
    query.andWhere('c.status IN (:...statuses)', { statuses: filter.status });
  return query;
}
