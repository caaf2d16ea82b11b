import { Arg, Args, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../../shared/src/pagination';
import type { FundingContext } from '../context';
import { Donor } from '../entities/donor.entity';
import { MemberStateRef } from '../entities/references.type';
import { Money, money, toCents } from '../money';
import { ContributionConnection } from './contribution.resolver';

@Resolver(() => Donor)
export class DonorResolver {
  @Directive('@listSize(assumedSize: 60)')
  @Query(() => [Donor], { description: 'Donors, by name.' })
  donors(@Ctx() { db }: FundingContext) {
    return db.getRepository(Donor).find({ order: { name: 'ASC' } });
  }

  @Query(() => Donor, { nullable: true, description: 'One donor; null if there is none.' })
  donor(
    @Ctx() { loaders }: FundingContext,
    @Arg('id', () => ID, { description: 'The donor id.' }) id: string,
  ) {
    return loaders.donorById.load(id);
  }

  @FieldResolver(() => MemberStateRef, {
    nullable: true,
    description: 'The Member State, when the donor is one.',
  })
  memberState(@Root() donor: Donor) {
    return donor.memberStateIso3 ? MemberStateRef.of(donor.memberStateIso3) : null;
  }

  @FieldResolver(() => ContributionConnection, {
    description: 'Its contributions, newest pledge first.',
  })
  contributions(
    @Root() donor: Donor,
    @Ctx() context: FundingContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
  ) {
    return context.loaders.contributionsOfDonor(donor.id, { first, after });
  }

  @FieldResolver(() => Money, { description: 'Everything it has pledged or paid.' })
  async totalContributed(@Root() donor: Donor, @Ctx() { loaders }: FundingContext) {
    return money(toCents((await loaders.totalsByDonor.load(donor.id))?.pledged));
  }

  @FieldResolver(() => Money, { description: 'What it has paid so far.' })
  async totalReceived(@Root() donor: Donor, @Ctx() { loaders }: FundingContext) {
    return money(toCents((await loaders.totalsByDonor.load(donor.id))?.received));
  }
}

export const donorReference = {
  Donor: {
    __resolveReference(reference: { id: string }, { loaders }: FundingContext) {
      return loaders.donorById.load(reference.id);
    },
  },
};
