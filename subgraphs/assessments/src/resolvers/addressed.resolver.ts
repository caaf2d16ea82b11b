import {
  Arg,
  Ctx,
  Directive,
  Field,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import type { DataSource } from 'typeorm';
import { dataChanged } from '../../../shared/src/data-generation';
import { requireBuckets } from '../../../shared/src/id-digests';
import { forbidden } from '../../../shared/src/viewer';
import type { AssessmentsContext } from '../context';
import { addressedDigests, addressedIn, applyAddressed } from '../coverage/addressed';

@Directive('@inaccessible')
@InputType({
  description:
    "A recommendation's state as funding delivers it: whether a live project addresses it.",
})
export class AddressedChange {
  @Field(() => String, { description: 'The number of the delivery; a later one wins.' })
  seq!: string;

  @Field(() => ID, { description: 'The recommendation.' })
  recommendationId!: string;

  @Field({ description: 'Whether a project that is not cancelled or deleted addresses it.' })
  addressed!: boolean;
}

@Directive('@inaccessible')
@ObjectType({ description: 'A recommendation whose "addressed" a repair changed.' })
class AddressedRepair {
  @Field(() => ID)
  recommendationId!: string;

  @Field({ description: "The state funding's links give, now held." })
  addressed!: boolean;

  @Field({ description: 'The state held before the repair.' })
  previously!: boolean;
}

@Directive('@inaccessible')
@ObjectType({ description: 'The digest of one bucket of the recommendations held as addressed.' })
class AddressedDigest {
  @Field({ description: 'Two hex digits: the start of the MD5 of each id in it.' })
  bucket!: string;

  @Field(() => Int)
  count!: number;

  @Field({ description: 'MD5 of the ids in the bucket, sorted, comma-separated.' })
  digest!: string;
}

/** Coverage and its counts read the copy: once a state changes, no answer cached before is served. */
async function announceChanges(
  db: DataSource,
  applied: { addressed: boolean; previously: boolean }[],
): Promise<void> {
  if (applied.some((change) => change.addressed !== change.previously)) await dataChanged(db);
}

const FOR_THE_GRAPH = 'Only the graph itself records and compares what projects address.';

/**
 * How funding tells assessments what projects address, and checks that the copy agrees with its
 * links (docs/design.md). Only for calls signed with the graph's signature; not in the supergraph.
 */
@Resolver()
export class AddressedResolver {
  @Directive('@inaccessible')
  @Mutation(() => Int, {
    description:
      'Applies states funding delivers. Only for signed calls; returns how many recommendations took the new state.',
  })
  async recordAddressed(
    @Ctx() { db, signed }: AssessmentsContext,
    @Arg('changes', () => [AddressedChange], { description: 'States, in any order.' })
    changes: AddressedChange[],
  ) {
    if (!signed) throw forbidden(FOR_THE_GRAPH);
    const applied = await db.transaction((tx) => applyAddressed(tx, changes));
    await announceChanges(db, applied);
    return applied.length;
  }

  @Directive('@inaccessible')
  @Directive('@listSize(assumedSize: 100)')
  @Mutation(() => [AddressedRepair], {
    description:
      "Applies states funding's reconciliation found wrong here, whatever their numbers. Only for signed calls; returns those whose state changed.",
  })
  async repairAddressed(
    @Ctx() { db, signed }: AssessmentsContext,
    @Arg('changes', () => [AddressedChange], { description: 'States, in any order.' })
    changes: AddressedChange[],
  ) {
    if (!signed) throw forbidden(FOR_THE_GRAPH);
    const applied = await db.transaction((tx) => applyAddressed(tx, changes, { overwrite: true }));
    await announceChanges(db, applied);
    return applied.filter((change) => change.addressed !== change.previously);
  }

  @Directive('@inaccessible')
  @Directive('@listSize(assumedSize: 256)')
  @Query(() => [AddressedDigest], {
    description:
      'The digest of each bucket of the recommendations held as addressed. Signed calls only.',
  })
  addressedDigests(@Ctx() { db, signed }: AssessmentsContext) {
    if (!signed) throw forbidden(FOR_THE_GRAPH);
    return addressedDigests(db);
  }

  @Directive('@inaccessible')
  @Directive('@listSize(assumedSize: 1000)')
  @Query(() => [ID], {
    description: 'The recommendations held as addressed in the given buckets. Signed calls only.',
  })
  addressedIn(
    @Ctx() { db, signed }: AssessmentsContext,
    @Arg('buckets', () => [String], { description: 'At most 256 buckets, such as "0f".' })
    buckets: string[],
  ) {
    if (!signed) throw forbidden(FOR_THE_GRAPH);
    return addressedIn(db, requireBuckets(buckets));
  }
}
