import { Directive, Arg, Ctx, Query, Resolver } from 'type-graphql';
import { parseIso3 } from '../../../shared/src/iso3';
import { Region } from '../../../shared/src/vocabulary';
import type { MembershipContext } from '../context';
import { MemberState } from '../entities/member-state.entity';

@Resolver(() => MemberState)
export class MemberStateResolver {
  @Directive('@listSize(assumedSize: 193)')
  @Query(() => [MemberState], {
    description: 'UN Member States by ISO3 code, optionally of one region.',
  })
  async memberStates(
    @Ctx() { loaders }: MembershipContext,
    @Arg('region', () => Region, { nullable: true, description: 'Only states of this region.' })
    region?: Region | null,
  ) {
    const states = await loaders.memberStates();
    return region ? states.filter((state) => state.region === region) : states;
  }

  @Query(() => MemberState, {
    nullable: true,
    description:
      'One Member State by ISO 3166-1 alpha-3 code (any case); null if no Member State has it.',
  })
  memberState(
    @Ctx() { loaders }: MembershipContext,
    @Arg('iso3', { description: 'ISO 3166-1 alpha-3 code, such as "NGA".' }) iso3: string,
  ) {
    return loaders.memberStateByIso3.load(parseIso3(iso3));
  }
}

export const memberStateReference = {
  MemberState: {
    __resolveReference(reference: { iso3: string }, { loaders }: MembershipContext) {
      return loaders.memberStateByIso3.load(reference.iso3);
    },
  },
};
