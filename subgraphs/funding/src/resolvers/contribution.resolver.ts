import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { paginate } from '../../../shared/src/batched-pages';
import { connectionType } from '../../../shared/src/pagination';
import type { FundingContext } from '../context';
import { Contribution } from '../entities/contribution.entity';
import { Donor } from '../entities/donor.entity';
import { Programme } from '../entities/programme.entity';
import { Project } from '../entities/project.entity';
import { Money } from '../money';
import { CONTRIBUTION_ORDER, contributionQuery } from '../queries';
import { ContributionPageArgs } from './inputs/contribution-filter.input';

export const ContributionConnection = connectionType('Contribution', Contribution, 'contributions');

@Resolver(() => Contribution)
export class ContributionResolver {
  @Query(() => ContributionConnection, { description: 'Contributions, newest pledge first.' })
  contributions(
    @Ctx() context: FundingContext,
    @Args(() => ContributionPageArgs) { filter, first, after }: ContributionPageArgs,
  ) {
    return paginate(contributionQuery(context, filter), CONTRIBUTION_ORDER, { first, after });
  }

  @FieldResolver(() => Donor, { description: 'Who gave it.' })
  donor(@Root() contribution: Contribution, @Ctx() { loaders }: FundingContext) {
    return loaders.donorById.load(contribution.donorId);
  }

  @FieldResolver(() => Project, {
    nullable: true,
    description: 'The project it funds; null for a programme-wide contribution.',
  })
  project(@Root() contribution: Contribution, @Ctx() { loaders }: FundingContext) {
    return contribution.projectId ? loaders.projectById.load(contribution.projectId) : null;
  }

  @FieldResolver(() => Programme, {
    nullable: true,
    description: 'The programme it funds directly, if any.',
  })
  programme(@Root() contribution: Contribution, @Ctx() { loaders }: FundingContext) {
    return contribution.programmeId ? loaders.programmeById.load(contribution.programmeId) : null;
  }

  @FieldResolver(() => Money, { description: 'How much.' })
  amount(@Root() contribution: Contribution) {
    return { amount: contribution.amountValue, currency: contribution.currency };
  }
}

export const contributionReference = {
  Contribution: {
    __resolveReference(reference: { id: string }, { loaders }: FundingContext) {
      return loaders.contributionById.load(reference.id);
    },
  },
};
