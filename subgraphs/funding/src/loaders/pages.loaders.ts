import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { batchedPages } from '../../../shared/src/batched-pages';
import {
  ProjectBeneficiary,
  ProjectPartner,
  ProjectThematicArea,
} from '../entities/project-link.entity';
import type { Project } from '../entities/project.entity';
import { CONTRIBUTION_ORDER, contributionQuery, PROJECT_ORDER, projectQuery } from '../queries';
import type { ProjectFilter } from '../resolvers/inputs/project-filter.input';

/**
 * The connections funding serves under other records (every entity's projects, every state's,
 * every donor's contributions…): each a page per parent, read for all parents at once.
 */
export function createFundingPages(db: DataSource) {
  const projects = (
    narrow: (query: SelectQueryBuilder<Project>, parents: string[]) => SelectQueryBuilder<Project>,
    parent: string,
  ) =>
    batchedPages<Project, ProjectFilter>(db, {
      query: (parents, filter) => narrow(projectQuery({ db }, filter), parents),
      parent,
      order: PROJECT_ORDER,
    });
  return {
    projectsLed: projects(
      (query, leads) => query.andWhere('p.leadEntityAcronym IN (:...parents)', { parents: leads }),
      'p.leadEntityAcronym',
    ),
    projectsAsPartner: projects(
      (query, partners) =>
        query
          .innerJoin(ProjectPartner, 'parent', 'parent.projectId = p.id')
          .andWhere('parent.entityAcronym IN (:...parents)', { parents: partners }),
      'parent.entityAcronym',
    ),
    projectsBenefiting: projects(
      (query, states) =>
        query
          .innerJoin(ProjectBeneficiary, 'parent', 'parent.projectId = p.id')
          .andWhere('parent.memberStateIso3 IN (:...parents)', { parents: states }),
      'parent.memberStateIso3',
    ),
    projectsInArea: projects(
      (query, areas) =>
        query
          .innerJoin(ProjectThematicArea, 'parent', 'parent.projectId = p.id')
          .andWhere('parent.thematicAreaCode IN (:...parents)', { parents: areas }),
      'parent.thematicAreaCode',
    ),
    projectsOfProgramme: projects(
      (query, ids) => query.andWhere('p.programmeId IN (:...parents)', { parents: ids }),
      'p.programmeId',
    ),
    projectsOfAppeal: projects(
      (query, ids) => query.andWhere('p.appealId IN (:...parents)', { parents: ids }),
      'p.appealId',
    ),
    contributionsToProject: batchedPages(db, {
      query: (ids: string[]) =>
        contributionQuery({ db }).andWhere('c.projectId IN (:...parents)', { parents: ids }),
      parent: 'c.projectId',
      order: CONTRIBUTION_ORDER,
    }),
    contributionsOfDonor: batchedPages(db, {
      query: (donors: string[]) =>
        contributionQuery({ db }).andWhere('c.donorId IN (:...parents)', { parents: donors }),
      parent: 'c.donorId',
      order: CONTRIBUTION_ORDER,
    }),
  };
}
