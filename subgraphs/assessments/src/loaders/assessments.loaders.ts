import { In } from 'typeorm';
import type { RequestScope } from '../../../shared/src/subgraph';
import { groupedLoader, idLoader, keyedLoader } from '../../../shared/src/loaders';
import { Priority } from '../../../shared/src/vocabulary';
import { AssessmentAccess } from '../access';
import {
  AssessmentParticipant,
  AssessmentResolution,
  AssessmentThematicArea,
} from '../entities/assessment-link.entity';
import { Assessment } from '../entities/assessment.entity';
import { Recommendation } from '../entities/recommendation.entity';
import { Resolution } from '../entities/resolution.entity';
import { ThematicArea } from '../entities/thematic-area.entity';
import { createCoverageLoaders } from '../coverage/coverage.loaders';
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
export function createAssessmentsLoaders({ db, viewer }: RequestScope) {
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
    participantsByAssessment: groupedLoader(
      (ids: string[]) =>
        db.getRepository(AssessmentParticipant).find({
          where: { assessmentId: In(ids) },
          order: { entityAcronym: 'ASC' },
        }),
      (row) => row.assessmentId,
    ),
    resolutionsByAssessment: groupedLoader(
      async (ids: string[]) => {
        const links = await db
          .getRepository(AssessmentResolution)
          .findBy({ assessmentId: In(ids) });
        const symbols = [...new Set(links.map((link) => link.resolutionSymbol))];
        const rows = symbols.length
          ? await db
              .getRepository(Resolution)
              .find({ where: { symbol: In(symbols) }, order: { year: 'ASC' } })
          : [];
        const bySymbol = new Map(rows.map((row) => [row.symbol, row]));
        return links.map((link) => ({
          assessmentId: link.assessmentId,
          resolution: bySymbol.get(link.resolutionSymbol)!,
        }));
      },
      (row) => row.assessmentId,
    ),
    thematicAreasByAssessment: groupedLoader(
      (ids: string[]) =>
        db.getRepository(AssessmentThematicArea).find({
          where: { assessmentId: In(ids) },
          order: { thematicAreaCode: 'ASC' },
        }),
      (row) => row.assessmentId,
    ),
    thematicAreaByCode: keyedLoader(
      (codes: string[]) => db.getRepository(ThematicArea).findBy({ code: In(codes) }),
      (row) => row.code,
    ),
    resolutionBySymbol: keyedLoader(
      (symbols: string[]) => db.getRepository(Resolution).findBy({ symbol: In(symbols) }),
      (row) => row.symbol,
    ),
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
