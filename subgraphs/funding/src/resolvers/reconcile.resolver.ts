import { Arg, Ctx, Directive, Field, ID, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { forbidden } from '../../../shared/src/viewer';
import type { FundingContext } from '../context';

@Directive('@inaccessible')
@ObjectType({
  description: "A recommendation whose copy in assessments disagreed with funding's links.",
})
class CoverageRepair {
  @Field(() => ID)
  recommendationId!: string;

  @Field({ description: "What funding's links say, and assessments holds after the repair." })
  addressed!: boolean;

  @Field({ description: 'Why it was wrong.' })
  reason!: string;
}

@Directive('@inaccessible')
@ObjectType({
  description: "What one comparison of assessments' copy of coverage with funding's links found.",
})
class CoverageReconciliation {
  @Field(() => Int, { description: 'Buckets of recommendation ids compared by digest.' })
  buckets!: number;

  @Directive('@listSize(assumedSize: 256)')
  @Field(() => [String], { description: 'Buckets whose digests differed, compared id by id.' })
  differingBuckets!: string[];

  @Field(() => Int, { description: 'Recommendations on which the two disagreed.' })
  differences!: number;

  @Field(() => Int, { description: 'Of those, how many had a change on its way: not repairs.' })
  inDelivery!: number;

  @Directive('@listSize(assumedSize: 100)')
  @Field(() => [CoverageRepair], { description: 'What was repaired.' })
  repairs!: CoverageRepair[];

  @Directive('@listSize(assumedSize: 100)')
  @Field(() => [CoverageRepair], { description: 'In a dry run, what would have been repaired.' })
  wouldRepair!: CoverageRepair[];

  @Field(() => Int)
  milliseconds!: number;
}

/** `npm run reconcile`'s door: for the graph's signed calls and admins; not in the supergraph. */
@Resolver()
export class ReconcileResolver {
  @Directive('@inaccessible')
  @Mutation(() => CoverageReconciliation, {
    description:
      "Compares assessments' copy of what projects address with funding's links and repairs it (docs/design.md). Signed calls and admin only.",
  })
  reconcileCoverage(
    @Ctx() { signed, viewer, loaders }: FundingContext,
    @Arg('dryRun', () => Boolean, {
      defaultValue: false,
      description: 'Report what differs without repairing it.',
    })
    dryRun: boolean,
  ) {
    if (!signed && !viewer.roles.has('admin')) {
      throw forbidden('Only "admin" or the graph itself may reconcile coverage.');
    }
    return loaders.services.reconciler.run({ dryRun });
  }
}
