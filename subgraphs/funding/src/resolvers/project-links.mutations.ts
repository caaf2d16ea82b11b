import { Args, Ctx, Mutation, Resolver } from 'type-graphql';
import { runWrite } from '../../../shared/src/writes';
import type { FundingContext } from '../context';
import { Project } from '../entities/project.entity';
import { addLinks, projectSnapshot, removeLinks } from '../project-links';
import { changeProject, lockProject, projectToWrite } from '../project-writes';
import { requireAllKnown } from '../../../shared/src/peers';
import { ProjectAssessmentsArgs, ProjectRecommendationsArgs } from './inputs/project-links.args';

interface LinkChange {
  operation: string;
  set: 'recommendations' | 'assessments';
  projectId: string;
  expectedVersion: number;
  ids: string[];
  link: boolean;
}

const TYPENAMES = { recommendations: 'Recommendation', assessments: 'Assessment' } as const;
const ARGUMENTS = { recommendations: 'recommendationIds', assessments: 'assessmentIds' } as const;

/**
 * Links or unlinks CTED records. Every id is checked with the assessments subgraph as the caller
 * sees it: one they may not see is unknown to them, so it is never stored unchecked, and an
 * unlink cannot be used to learn whether a hidden record was linked. Ids that are not linked
 * are left alone, so a retried unlink succeeds.
 */
async function changeLinks(
  { db, viewer, peers, loaders }: FundingContext,
  { operation, set, projectId, expectedVersion, ids, link }: LinkChange,
): Promise<Project> {
  await projectToWrite(db.manager, viewer, projectId);
  await requireAllKnown(peers, [
    {
      subgraph: 'assessments',
      typename: TYPENAMES[set],
      keyField: 'id',
      values: ids,
      argument: ARGUMENTS[set],
    },
  ]);
  return runWrite({ db, viewer, operation }, async (write) => {
    const row = await lockProject(write.tx, viewer, projectId, expectedVersion);
    const before = await projectSnapshot(write.tx, row);
    await (link ? addLinks : removeLinks)(write.tx, set, projectId, ids);
    return changeProject(write, before, {});
  }).finally(() => loaders.deliverAddressed());
}

/** Which CTED recommendations and assessments a project addresses and uses. */
@Resolver()
export class ProjectLinkMutations {
  @Mutation(() => Project, {
    description:
      'Records that a project addresses CTED recommendations (those already linked stay). Admin, or an editor of the lead entity; each recommendation must be one the caller may see.',
  })
  linkProjectRecommendations(
    @Ctx() context: FundingContext,
    @Args(() => ProjectRecommendationsArgs) args: ProjectRecommendationsArgs,
  ) {
    return changeLinks(context, {
      operation: 'linkProjectRecommendations',
      set: 'recommendations',
      ids: args.recommendationIds,
      link: true,
      ...args,
    });
  }

  @Mutation(() => Project, {
    description:
      'Records that a project no longer addresses CTED recommendations (ids not linked are ignored). Admin, or an editor of the lead entity.',
  })
  unlinkProjectRecommendations(
    @Ctx() context: FundingContext,
    @Args(() => ProjectRecommendationsArgs) args: ProjectRecommendationsArgs,
  ) {
    return changeLinks(context, {
      operation: 'unlinkProjectRecommendations',
      set: 'recommendations',
      ids: args.recommendationIds,
      link: false,
      ...args,
    });
  }

  @Mutation(() => Project, {
    description:
      'Records that a project uses CTED assessments (those already linked stay). Admin, or an editor of the lead entity; each assessment must be one the caller may see.',
  })
  linkProjectAssessments(
    @Ctx() context: FundingContext,
    @Args(() => ProjectAssessmentsArgs) args: ProjectAssessmentsArgs,
  ) {
    return changeLinks(context, {
      operation: 'linkProjectAssessments',
      set: 'assessments',
      ids: args.assessmentIds,
      link: true,
      ...args,
    });
  }

  @Mutation(() => Project, {
    description:
      'Records that a project no longer uses CTED assessments (ids not linked are ignored). Admin, or an editor of the lead entity.',
  })
  unlinkProjectAssessments(
    @Ctx() context: FundingContext,
    @Args(() => ProjectAssessmentsArgs) args: ProjectAssessmentsArgs,
  ) {
    return changeLinks(context, {
      operation: 'unlinkProjectAssessments',
      set: 'assessments',
      ids: args.assessmentIds,
      link: false,
      ...args,
    });
  }
}
