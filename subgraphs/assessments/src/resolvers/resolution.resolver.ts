import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';
import type { AssessmentsContext } from '../context';
import { Resolution } from '../entities/resolution.entity';

@Resolver(() => Resolution)
export class ResolutionResolver {
  @Directive('@listSize(assumedSize: 40)')
  @Query(() => [Resolution], { description: 'Resolutions, oldest first.' })
  resolutions(@Ctx() { loaders }: AssessmentsContext) {
    return loaders.resolutions();
  }

  @Query(() => Resolution, {
    nullable: true,
    description: 'One resolution by symbol; null if there is none.',
  })
  resolution(
    @Ctx() { loaders }: AssessmentsContext,
    @Arg('symbol', { description: 'Its symbol, such as "S/RES/2395(2017)".' }) symbol: string,
  ) {
    return loaders.resolutionBySymbol.load(symbol.trim());
  }
}

export const resolutionReference = {
  Resolution: {
    __resolveReference(reference: { symbol: string }, { loaders }: AssessmentsContext) {
      return loaders.resolutionBySymbol.load(reference.symbol);
    },
  },
};
