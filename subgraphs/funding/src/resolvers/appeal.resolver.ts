import { Arg, Args, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../../shared/src/pagination';
import type { FundingContext } from '../context';
import { Appeal } from '../entities/appeal.entity';
import { Money, money, toCents } from '../money';
import { ProjectConnection } from './project.resolver';

@Resolver(() => Appeal)
export class AppealResolver {
  @Directive('@listSize(assumedSize: 10)')
  @Query(() => [Appeal], { description: "The Compact's joint appeals, oldest first." })
  appeals(@Ctx() { db }: FundingContext) {
    return db.getRepository(Appeal).find({ order: { periodStart: 'ASC', title: 'ASC' } });
  }

  @Query(() => Appeal, { nullable: true, description: 'One appeal; null if there is none.' })
  appeal(
    @Ctx() { loaders }: FundingContext,
    @Arg('id', () => ID, { description: 'The appeal id.' }) id: string,
  ) {
    return loaders.appealById.load(id);
  }

  @FieldResolver(() => String, { description: 'The years it covers, such as "2019–2020".' })
  period(@Root() appeal: Appeal) {
    return appeal.periodStart === appeal.periodEnd
      ? String(appeal.periodStart)
      : `${appeal.periodStart}–${appeal.periodEnd}`;
  }

  @FieldResolver(() => Money, { description: 'What the appeal asked for.' })
  requested(@Root() appeal: Appeal) {
    return { amount: appeal.requested, currency: appeal.currency };
  }

  @FieldResolver(() => Money, { description: 'What donors pledged or paid to its projects.' })
  async funded(@Root() appeal: Appeal, @Ctx() { loaders }: FundingContext) {
    return money(toCents((await loaders.totalsByAppeal.load(appeal.id))?.pledged));
  }

  @FieldResolver(() => Money, { description: 'What is still missing; never below zero.' })
  async gap(@Root() appeal: Appeal, @Ctx() { loaders }: FundingContext) {
    const gap =
      toCents(appeal.requested) - toCents((await loaders.totalsByAppeal.load(appeal.id))?.pledged);
    return money(gap > 0n ? gap : 0n);
  }

  @FieldResolver(() => ProjectConnection, { description: 'Its projects, in order of code.' })
  projects(
    @Root() appeal: Appeal,
    @Ctx() context: FundingContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
  ) {
    return context.loaders.projectsOfAppeal(appeal.id, { first, after });
  }
}

export const appealReference = {
  Appeal: {
    __resolveReference(reference: { id: string }, { loaders }: FundingContext) {
      return loaders.appealById.load(reference.id);
    },
  },
};
