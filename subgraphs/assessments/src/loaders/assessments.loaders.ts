import type { RequestScope } from '../../../shared/src/subgraph';
import { groupedLoader, idLoader, keyedLoader } from '../../../shared/src/loaders';
import { Priority } from '../../../shared/src/vocabulary';
import { AssessmentAccess } from '../access';
import { Assessment } from '../entities/assessment.entity';
import { Recommendation } from '../entities/recommendation.entity';
import { knownIds } from '../../../shared/src/ids';
import { createCoverageLoaders } from '../coverage/coverage.loaders';
import type { AssessmentsServices } from '../services';
import { createAssessmentsPages } from './pages.loaders';

export interface PriorityCount {
  thematicAreaCode: string;
  priority: Priority;
  count: number;
}

/**
 * Loaders made for one request and one caller: each applies the caller's access, so a row the
 * caller may not see is absent from every path that reaches it.
 */
/** The keys an assessment links to, each set in its own table. */
interface AssessmentLinkSets {
  id: string;
  participants: string[];
  resolutions: string[];
  areas: string[];
}

export function createAssessmentsLoaders({
  db,
  viewer,
  services,
}: RequestScope<AssessmentsServices>) {
  const s = `"${db.driver.schema}"`;
  const access = new AssessmentAccess(viewer, db.driver.schema ?? 'assessments');
  const assessments = () => access.listed(db.getRepository(Assessment).createQueryBuilder('a'));
  const recommendations = () =>
    access.readable(
      db
        .getRepository(Recommendation)
        .createQueryBuilder('r')
        .innerJoin(Assessment, 'a', 'a.id = r.assessmentId'),
      'a',
    );

  return {
    access,
    ...createAssessmentsPages({ db, access }),
    ...createCoverageLoaders({ db, access }),
    /** Asks the membership subgraph, as the caller, whether states and entities exist. */
    assessmentById: idLoader(
      (ids) => assessments().andWhere('a.id IN (:...ids)', { ids }).getMany(),
      (row) => row.id,
    ),
    recommendationById: idLoader(
      (ids) => recommendations().andWhere('r.id IN (:...ids)', { ids }).getMany(),
      (row) => row.id,
    ),
    /** Each assessment's participants, resolutions and thematic areas, in one statement. */
    linksByAssessment: keyedLoader(
      (ids: string[]): Promise<AssessmentLinkSets[]> =>
        db.query(
          `SELECT a.id,
                  ARRAY(SELECT entity_acronym::text FROM ${s}.assessment_participant WHERE assessment_id = a.id ORDER BY 1) AS participants,
                  ARRAY(SELECT resolution_symbol::text FROM ${s}.assessment_resolution WHERE assessment_id = a.id) AS resolutions,
                  ARRAY(SELECT thematic_area_code::text FROM ${s}.assessment_thematic_area WHERE assessment_id = a.id ORDER BY 1) AS areas
             FROM unnest($1::uuid[]) AS a(id)`,
          [knownIds(ids)],
        ),
      (row) => row.id,
    ),
    /** A thematic area by code, from the process's table of them: no statement. */
    thematicAreaByCode: { load: (code: string) => services.areas.get(code) },
    thematicAreas: () => services.areas.all(),
    /** A resolution by symbol, from the process's table of them. */
    resolutionBySymbol: { load: (symbol: string) => services.resolutions.get(symbol) },
    resolutions: () => services.resolutions.all(),
    /** Each Member State's name and region, from membership's list kept by the process. */
    states: services.states,
    priorityCountsByArea: groupedLoader(
      async (codes: string[]): Promise<PriorityCount[]> => {
        const rows: { code: string; priority: Priority; count: string }[] = await recommendations()
          .select('r.thematicAreaCode', 'code')
          .addSelect('r.priority', 'priority')
          .addSelect('COUNT(*)', 'count')
          .andWhere('r.thematicAreaCode IN (:...codes)', { codes })
          .groupBy('r.thematicAreaCode')
          .addGroupBy('r.priority')
          .getRawMany();
        return rows.map((row) => ({
          thematicAreaCode: row.code,
          priority: row.priority,
          count: Number(row.count),
        }));
      },
      (row) => row.thematicAreaCode,
    ),
  };
}

export type AssessmentsLoaders = ReturnType<typeof createAssessmentsLoaders>;
