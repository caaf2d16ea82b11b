import { Args, Ctx, Field, FieldResolver, ObjectType, Resolver, Root, Int } from 'type-graphql';
import { nullWhenUnreachable } from '../../../shared/src/outages';
import type { FundingContext } from '../context';
import { ThematicAreaRef } from '../entities/references.type';
import { Money, money, toCents } from '../money';
import { ProjectPageArgs } from './inputs/project-filter.input';
import { ProjectConnection } from './project.resolver';

@ObjectType({
  simpleResolvers: true,
  description: 'The funding of the projects in one thematic area; cancelled projects are left out.',
})
export class ThematicAreaFunding {
  @Field(() => Int, { description: 'Projects in the area.' })
  projects!: number;

  @Field(() => Money, { description: 'Their budgets together.' })
  budget!: Money;

  @Field(() => Money, { description: 'What donors pledged or paid to them.' })
  funded!: Money;

  @Field(() => Money, { description: 'What donors have paid so far.' })
  received!: Money;

  @Field(() => Money, { description: 'Budget not covered by contributions; never below zero.' })
  gap!: Money;
}

@Resolver(() => ThematicAreaRef)
export class ThematicAreaFundingResolver {
  @FieldResolver(() => ProjectConnection, {
    nullable: true,
    description: `Projects working in this area, in order of code. ${nullWhenUnreachable('funding')}`,
  })
  async projects(
    @Root() area: ThematicAreaRef,
    @Ctx() context: FundingContext,
    @Args(() => ProjectPageArgs) { filter, first, after }: ProjectPageArgs,
  ) {
    return context.loaders.projectsInArea(area.code, {
      filter: await context.loaders.narrow(filter),
      first,
      after,
    });
  }

  @FieldResolver(() => ThematicAreaFunding, {
    nullable: true,
    description: `The funding that goes to projects in this area. ${nullWhenUnreachable('funding')}`,
  })
  async funding(
    @Root() area: ThematicAreaRef,
    @Ctx() { loaders }: FundingContext,
  ): Promise<ThematicAreaFunding> {
    const row = await loaders.fundingByArea.load(area.code);
    const budget = toCents(row?.budget);
    const funded = toCents(row?.pledged);
    return {
      projects: row?.projects ?? 0,
      budget: money(budget),
      funded: money(funded),
      received: money(toCents(row?.received)),
      gap: money(budget > funded ? budget - funded : 0n),
    };
  }
}

export const thematicAreaReference = {
  ThematicArea: {
    __resolveReference(reference: { code: string }) {
      return ThematicAreaRef.of(reference.code);
    },
  },
};
