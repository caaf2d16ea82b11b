import { Arg, Ctx, Directive, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { forbidden } from '../../../shared/src/viewer';
import type { AssessmentsContext } from '../context';
import { applyAddressed } from '../coverage/addressed';

@Directive('@inaccessible')
@InputType({
  description:
    "A change of funding's outbox: whether a live project now addresses a recommendation.",
})
export class AddressedChange {
  @Field(() => String, { description: 'Its place in the outbox; a later change wins.' })
  seq!: string;

  @Field(() => ID, { description: 'The recommendation.' })
  recommendationId!: string;

  @Field({ description: 'Whether a project that is not cancelled addresses it.' })
  addressed!: boolean;
}

/** How funding tells assessments what projects address, for coverage. Not in the supergraph. */
@Resolver()
export class AddressedMutations {
  @Directive('@inaccessible')
  @Mutation(() => Int, {
    description:
      "Applies changes of funding's outbox. Only for funding's signed calls; returns how many recommendations changed.",
  })
  async recordAddressed(
    @Ctx() { db, signed }: AssessmentsContext,
    @Arg('changes', () => [AddressedChange], { description: 'Changes, in any order.' })
    changes: AddressedChange[],
  ) {
    if (!signed) throw forbidden('Only the graph itself records what projects address.');
    return db.transaction((tx) => applyAddressed(tx, changes));
  }
}
