import DataLoader from 'dataloader';
import { In, type SelectQueryBuilder } from 'typeorm';
import { knownIds } from '../../../shared/src/ids';
import { withRegions } from '../../../shared/src/peer-reference';
import type { ProjectFilter } from '../resolvers/inputs/project-filter.input';
import type { RequestScope } from '../../../shared/src/subgraph';
import { groupedLoader, idLoader, keyedLoader } from '../../../shared/src/loaders';
import { Appeal } from '../entities/appeal.entity';
import { Contribution } from '../entities/contribution.entity';
import { Donor } from '../entities/donor.entity';
import { ProjectAssessment, ProjectRecommendation } from '../entities/project-link.entity';
import { readLinksOf } from '../project-links';
import { Project } from '../entities/project.entity';
import { Programme } from '../entities/programme.entity';
import { createMonitoringLoaders } from './monitoring.loaders';
import { createFundingPages } from './pages.loaders';
import type { FundingServices } from '../services';

/** A sum of contributions per key, as exact decimal strings. */
export interface Totals {
  key: string;
  pledged: string;
  received: string;
}

/** Funding of the projects in one thematic area (cancelled projects excluded). */
export interface AreaFunding {
  code: string;
  projects: number;
  budget: string;
  pledged: string;
  received: string;
}

/** Loaders made for one request, so each batch is one statement. */
export function createFundingLoaders({ db, peers, services }: RequestScope<FundingServices>) {
  const projects = db.getRepository(Project);
  const projectById = idLoader(
    (ids) => projects.findBy({ id: In(ids) }),
    (row) => row.id,
  );
  const contributions = db.getRepository(Contribution);

  /**
   * The projects linked to each key through a link table, in order of project code, read with
   * their rows in one statement; each project is also primed for `projectById`.
   */
  const projectsThrough = <L extends object>(link: new () => L, keyColumn: keyof L & string) =>
    groupedLoader(
      async (keys: string[]): Promise<{ key: string; project: Project }[]> => {
        const valid = knownIds(keys);
        if (!valid.length) return [];
        const { entities, raw } = await projects
          .createQueryBuilder('p')
          .innerJoin(link, 'l', 'l.projectId = p.id')
          .addSelect(`l.${keyColumn}`, 'link_key')
          .where(`l.${keyColumn} IN (:...keys)`, { keys: valid })
          .orderBy('p.code', 'ASC')
          .getRawAndEntities<{ link_key: string; p_id: string }>();
        // One entity per project however many keys link to it; the raw rows keep every link.
        const byId = new Map(entities.map((project) => [project.id, project]));
        for (const project of entities) projectById.prime(project.id, project);
        return raw.map((row) => ({ key: row.link_key, project: byId.get(row.p_id)! }));
      },
      (row) => row.key,
    );

  /** What the contributions `c` pledged and paid, per `key`: an expression over `c` and its joins. */
  const totalsOf = (
    query: SelectQueryBuilder<Contribution>,
    key: string,
    keys: string[],
  ): Promise<Totals[]> =>
    query
      .select(key, 'key')
      .addSelect('COALESCE(SUM(c.amountValue), 0)::text', 'pledged')
      .addSelect(
        `COALESCE(SUM(c.amountValue) FILTER (WHERE c.status = 'RECEIVED'), 0)::text`,
        'received',
      )
      .where(`${key} IN (:...keys)`, { keys })
      .groupBy(key)
      .getRawMany();

  const totalsBy = (column: 'projectId' | 'donorId') =>
    keyedLoader(
      (keys: string[]) => totalsOf(contributions.createQueryBuilder('c'), `c.${column}`, keys),
      (row) => row.key,
    );

  /** Whether the assessments subgraph shows the caller each id: it owns who may see what. */
  const visibleTo = (typename: 'Assessment' | 'Recommendation') =>
    new DataLoader<string, boolean>((ids) => peers.visible('assessments', typename, ids), {
      maxBatchSize: 1000,
    });

  return {
    /** A project filter with its regions' states looked up (withRegions). */
    narrow: <F extends ProjectFilter | null | undefined>(filter: F) =>
      withRegions(services.states, filter),
    services,
    /** After a write that changed what projects address: hands the change on to assessments. */
    deliverAddressed: () => services.addressed.deliverNow(),
    ...createMonitoringLoaders(db),
    ...createFundingPages(db),
    /** Asks other subgraphs on the caller's behalf, such as whether a key a write names exists. */
    visibleAssessment: visibleTo('Assessment'),
    visibleRecommendation: visibleTo('Recommendation'),
    projectById,
    projectByCode: keyedLoader(
      (codes: string[]) => projects.findBy({ code: In(codes) }),
      (row) => row.code,
    ),
    programmeById: idLoader(
      (ids) => db.getRepository(Programme).findBy({ id: In(ids) }),
      (row) => row.id,
    ),
    appealById: idLoader(
      (ids) => db.getRepository(Appeal).findBy({ id: In(ids) }),
      (row) => row.id,
    ),
    contributionById: idLoader(
      (ids) => contributions.findBy({ id: In(ids) }),
      (row) => row.id,
    ),
    donorById: idLoader(
      (ids) => db.getRepository(Donor).findBy({ id: In(ids) }),
      (row) => row.id,
    ),
    donorByState: keyedLoader(
      (codes: string[]) => db.getRepository(Donor).findBy({ memberStateIso3: In(codes) }),
      (row) => row.memberStateIso3!,
    ),
    /** Each project's partners, beneficiaries, thematic areas, recommendations and assessments, in one statement. */
    linksByProject: idLoader(
      (ids) => readLinksOf(db.manager, ids),
      (row) => row.id,
    ),
    projectsByAssessment: projectsThrough(ProjectAssessment, 'assessmentId'),
    projectsByRecommendation: projectsThrough(ProjectRecommendation, 'recommendationId'),
    totalsByProject: totalsBy('projectId'),
    /** Contributions to each programme, directly or through its projects. */
    totalsByProgramme: idLoader(
      (ids) =>
        totalsOf(
          contributions.createQueryBuilder('c').leftJoin(Project, 'p', 'p.id = c.projectId'),
          'COALESCE(c.programmeId, p.programmeId)',
          ids,
        ),
      (row) => row.key,
    ),
    totalsByDonor: totalsBy('donorId'),
    /** Contributions to the projects of each appeal. */
    totalsByAppeal: idLoader(
      (ids) =>
        totalsOf(
          contributions.createQueryBuilder('c').innerJoin(Project, 'p', 'p.id = c.projectId'),
          'p.appealId',
          ids,
        ),
      (row) => row.key,
    ),
    /** Per thematic area: its projects, their budgets and what donors gave to them. */
    fundingByArea: keyedLoader(
      async (codes: string[]): Promise<AreaFunding[]> =>
        db.query(
          `SELECT a.thematic_area_code AS code,
                  COUNT(*)::int AS projects,
                  COALESCE(SUM(p.budget), 0)::text AS budget,
                  COALESCE(SUM(t.pledged), 0)::text AS pledged,
                  COALESCE(SUM(t.received), 0)::text AS received
             FROM "${db.driver.schema}".project_thematic_area a
             JOIN "${db.driver.schema}".project p ON p.id = a.project_id
             LEFT JOIN LATERAL (
               SELECT SUM(c.amount) AS pledged,
                      SUM(c.amount) FILTER (WHERE c.status = 'RECEIVED') AS received
                 FROM "${db.driver.schema}".contribution c
                WHERE c.project_id = p.id AND c.deleted_at IS NULL
             ) t ON true
            WHERE a.thematic_area_code = ANY($1) AND p.status <> 'CANCELLED' AND p.deleted_at IS NULL
            GROUP BY a.thematic_area_code`,
          [codes],
        ),
      (row) => row.code,
    ),
  };
}

export type FundingLoaders = ReturnType<typeof createFundingLoaders>;
