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
    parent: string,
    join: (query: SelectQueryBuilder<Project>) => SelectQueryBuilder<Project> = (q) => q,
    parentType?: 'uuid',
  ) =>
    batchedPages<Project, ProjectFilter>(db, {
      query: (filter) => join(projectQuery({ db }, filter)),
      parent,
      parentType,
      order: PROJECT_ORDER,
    });
  return {
    projectsLed: projects('p.leadEntityAcronym'),
    projectsAsPartner: projects('parent.entityAcronym', (query) =>
      query.innerJoin(ProjectPartner, 'parent', 'parent.projectId = p.id'),
    ),
    projectsBenefiting: projects('parent.memberStateIso3', (query) =>
      query.innerJoin(ProjectBeneficiary, 'parent', 'parent.projectId = p.id'),
    ),
    projectsInArea: projects('parent.thematicAreaCode', (query) =>
      query.innerJoin(ProjectThematicArea, 'parent', 'parent.projectId = p.id'),
    ),
    projectsOfProgramme: projects('p.programmeId', undefined, 'uuid'),
    projectsOfAppeal: projects('p.appealId', undefined, 'uuid'),
    contributionsToProject: batchedPages(db, {
      query: () => contributionQuery({ db }),
      parent: 'c.projectId',
      parentType: 'uuid',
      order: CONTRIBUTION_ORDER,
    }),
    contributionsOfDonor: batchedPages(db, {
      query: () => contributionQuery({ db }),
      parent: 'c.donorId',
      parentType: 'uuid',
      order: CONTRIBUTION_ORDER,
    }),
  };
}
