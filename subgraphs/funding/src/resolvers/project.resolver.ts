import {
  Arg,
  Args,
  Ctx,
  Directive,
  FieldResolver,
  ID,
  Int,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { paginate } from '../../../shared/src/batched-pages';
import { exactlyOne } from '../../../shared/src/lookup';
import { parseSearch } from '../../../shared/src/search';
import { nullWhenUnreachable } from '../../../shared/src/outages';
import { connectionType, listFirst } from '../../../shared/src/pagination';
import type { FundingContext } from '../context';
import type { FundingLoaders } from '../loaders/funding.loaders';
import type { ProjectLinks } from '../project-links';
import { Appeal } from '../entities/appeal.entity';
import { Contribution } from '../entities/contribution.entity';
import { Evaluation } from '../entities/evaluation.entity';
import { Indicator } from '../entities/indicator.entity';
import { Programme } from '../entities/programme.entity';
import { Project } from '../entities/project.entity';
import {
  AssessmentRef,
  EntityRef,
  MemberStateRef,
  RecommendationRef,
  ThematicAreaRef,
} from '../entities/references.type';
import { Money, money, toCents } from '../money';
import { PROJECT_ORDER, projectQuery, RANKED_PROJECT_ORDER } from '../queries';
import { ProjectPageArgs } from './inputs/project-filter.input';

export const ProjectConnection = connectionType('Project', Project, 'projects');

@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => ProjectConnection, {
    description:
      'Capacity-building projects in order of code; with `filter.search`, best match first.',
  })
  async projects(
    @Ctx() context: FundingContext,
    @Args(() => ProjectPageArgs) { filter, first, after }: ProjectPageArgs,
  ) {
    const narrowed = await context.loaders.narrow(filter);
    const query = projectQuery(context, narrowed);
    const ranked = parseSearch(narrowed?.search, 'filter.search') !== null;
    return paginate(query, ranked ? RANKED_PROJECT_ORDER : PROJECT_ORDER, { first, after });
  }

  @Query(() => Project, {
    nullable: true,
    description: 'One project by id or by code (give exactly one); null if there is none.',
  })
  project(
    @Ctx() { loaders }: FundingContext,
    @Arg('id', () => ID, { nullable: true, description: 'The project id.' }) id?: string | null,
    @Arg('code', () => String, {
      nullable: true,
      description: 'The project code, such as "CGC-2021-0042".',
    })
    code?: string | null,
  ) {
    return exactlyOne({ id, code }, 'project') === 'id'
      ? loaders.projectById.load(id!)
      : loaders.projectByCode.load(code!.trim().toUpperCase());
  }

  @FieldResolver(() => EntityRef, {
    nullable: true,
    description: `The Compact entity that leads the project. ${nullWhenUnreachable('membership')}`,
  })
  leadEntity(@Root() project: Project) {
    return EntityRef.of(project.leadEntityAcronym);
  }

  @Directive('@listSize(assumedSize: 10)')
  @FieldResolver(() => [EntityRef], {
    nullable: true,
    description: `Other Compact entities that implement it. ${nullWhenUnreachable('membership')}`,
  })
  async partnerEntities(@Root() project: Project, @Ctx() { loaders }: FundingContext) {
    return (await links(loaders, project)).partnerEntities.map((acronym) => EntityRef.of(acronym));
  }

  @Directive('@listSize(assumedSize: 10)')
  @FieldResolver(() => [MemberStateRef], {
    nullable: true,
    description: `The Member States it benefits. ${nullWhenUnreachable('membership')}`,
  })
  async beneficiaryStates(@Root() project: Project, @Ctx() { loaders }: FundingContext) {
    return (await links(loaders, project)).beneficiaryStates.map((iso3) => MemberStateRef.of(iso3));
  }

  @Directive('@listSize(assumedSize: 10)')
  @FieldResolver(() => [ThematicAreaRef], {
    nullable: true,
    description: `The thematic areas it works in. ${nullWhenUnreachable('assessments')}`,
  })
  async thematicAreas(@Root() project: Project, @Ctx() { loaders }: FundingContext) {
    return (await links(loaders, project)).thematicAreas.map((code) => ThematicAreaRef.of(code));
  }

  @FieldResolver(() => Programme, {
    nullable: true,
    description: 'The programme it belongs to, if any.',
  })
  programme(@Root() project: Project, @Ctx() { loaders }: FundingContext) {
    return project.programmeId ? loaders.programmeById.load(project.programmeId) : null;
  }

  @FieldResolver(() => Appeal, {
    nullable: true,
    description: 'The joint appeal it was part of, if any.',
  })
  appeal(@Root() project: Project, @Ctx() { loaders }: FundingContext) {
    return project.appealId ? loaders.appealById.load(project.appealId) : null;
  }

  @FieldResolver(() => Money, { description: 'Its approved budget.' })
  budget(@Root() project: Project) {
    return { amount: project.budget, currency: project.currency };
  }

  @Directive('@listSize(assumedSize: 20, slicingArguments: ["first"])')
  @FieldResolver(() => [Contribution], { description: 'Contributions to it, newest pledge first.' })
  async contributions(
    @Root() project: Project,
    @Ctx() { loaders }: FundingContext,
    @Arg('first', () => Int, listFirst(20, "A donor's are `Donor.contributions`, a connection."))
    first?: number | null,
  ) {
    const page = await loaders.contributionsToProject(project.id, { first });
    return page.edges.map((edge) => edge.node);
  }

  @FieldResolver(() => Money, { description: 'Everything donors have pledged or paid to it.' })
  async funded(@Root() project: Project, @Ctx() { loaders }: FundingContext) {
    return money(toCents((await loaders.totalsByProject.load(project.id))?.pledged));
  }

  @FieldResolver(() => Money, { description: 'What donors have paid so far.' })
  async received(@Root() project: Project, @Ctx() { loaders }: FundingContext) {
    return money(toCents((await loaders.totalsByProject.load(project.id))?.received));
  }

  @FieldResolver(() => Money, {
    description: 'Budget not yet covered by contributions; never below zero.',
  })
  async fundingGap(@Root() project: Project, @Ctx() { loaders }: FundingContext) {
    const funded = toCents((await loaders.totalsByProject.load(project.id))?.pledged);
    const gap = toCents(project.budget) - funded;
    return money(gap > 0n ? gap : 0n);
  }

  @Directive('@listSize(assumedSize: 10)')
  @FieldResolver(() => [RecommendationRef], {
    nullable: true,
    description:
      'CTED recommendations the project addresses that the caller may read. Null, with an error, when the assessments subgraph cannot be reached to check.',
  })
  async recommendations(@Root() project: Project, @Ctx() { loaders }: FundingContext) {
    const ids = (await links(loaders, project)).recommendations;
    const visible = await loaders.visibleRecommendation.loadMany(ids);
    return ids.filter((_, i) => throwIfError(visible[i])).map((id) => RecommendationRef.of(id));
  }

  @Directive('@listSize(assumedSize: 5)')
  @FieldResolver(() => [AssessmentRef], {
    nullable: true,
    description:
      'CTED assessments the project uses, as Security Council resolution 2395 (2017) asks, that the caller may see. Null, with an error, when the assessments subgraph cannot be reached to check.',
  })
  async assessments(@Root() project: Project, @Ctx() { loaders }: FundingContext) {
    const ids = (await links(loaders, project)).assessments;
    const visible = await loaders.visibleAssessment.loadMany(ids);
    return ids.filter((_, i) => throwIfError(visible[i])).map((id) => AssessmentRef.of(id));
  }

  @Directive('@listSize(assumedSize: 10)')
  @FieldResolver(() => [Indicator], { description: 'What it measures to show progress, by name.' })
  indicators(@Root() project: Project, @Ctx() { loaders }: FundingContext) {
    return loaders.indicatorsByProject.load(project.id);
  }

  @Directive('@listSize(assumedSize: 10)')
  @FieldResolver(() => [Evaluation], { description: 'Evaluations of it, newest first.' })
  evaluations(@Root() project: Project, @Ctx() { loaders }: FundingContext) {
    return loaders.evaluationsByProject.load(project.id);
  }
}

/** A project's link sets; a project that is gone has none. */
async function links(loaders: FundingLoaders, project: Project): Promise<ProjectLinks> {
  return (
    (await loaders.linksByProject.load(project.id)) ?? {
      partnerEntities: [],
      beneficiaryStates: [],
      thematicAreas: [],
      recommendations: [],
      assessments: [],
    }
  );
}

/** A batch that failed fails the field, rather than hiding or showing items unchecked. */
function throwIfError(value: boolean | Error): boolean {
  if (value instanceof Error) throw value;
  return value;
}

export const projectReference = {
  Project: {
    __resolveReference(reference: { id?: string; code?: string }, { loaders }: FundingContext) {
      if (reference.id !== undefined) return loaders.projectById.load(reference.id);
      return reference.code ? loaders.projectByCode.load(reference.code) : null;
    },
  },
};
