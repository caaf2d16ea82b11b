import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { FundingContext } from '../context';
import { Indicator } from '../entities/indicator.entity';
import { Measurement } from '../entities/measurement.entity';

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Directive('@listSize(assumedSize: 20)')
  @FieldResolver(() => [Measurement], {
    description: 'Its measurements, oldest first; on one day, in the order they were recorded.',
  })
  measurements(@Root() indicator: Indicator, @Ctx() { loaders }: FundingContext) {
    return loaders.measurementsByIndicator.load(indicator.id);
  }

  @FieldResolver(() => Measurement, {
    nullable: true,
    description: 'Its most recent measurement; null before the first.',
  })
  async latest(@Root() indicator: Indicator, @Ctx() { loaders }: FundingContext) {
    return (await loaders.measurementsByIndicator.load(indicator.id)).at(-1) ?? null;
  }
}

@Resolver(() => Measurement)
export class MeasurementResolver {
  @FieldResolver(() => Indicator, { description: 'The indicator it is a value of.' })
  indicator(@Root() measurement: Measurement, @Ctx() { loaders }: FundingContext) {
    return loaders.indicatorById.load(measurement.indicatorId);
  }
}
