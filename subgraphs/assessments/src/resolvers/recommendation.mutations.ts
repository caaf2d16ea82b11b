import type { EntityManager } from 'typeorm';
import { Arg, Args, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireRole } from '../../../shared/src/viewer';
import { RecommendationStatus } from '../../../shared/src/vocabulary';
import {
  createRecord,
  givenFields,
  lockVersion,
  notFound,
  runWrite,
  updateRow,
} from '../../../shared/src/writes';
import { requireKnownAreas, thematicAreaCodes } from '../assessment-links';
import type { AssessmentsContext } from '../context';
import { Assessment } from '../entities/assessment.entity';
import { Recommendation } from '../entities/recommendation.entity';
import {
  AddRecommendationInput,
  DeleteRecommendationArgs,
  UpdateRecommendationInput,
} from './inputs/recommendation.input';
import { IDEMPOTENCY_KEY, RECORDED } from '../../../shared/src/writes';
import { ACTION } from './mutation-options';

/** Writes to recommendations; only `cted` may make them. */
@Resolver()
export class RecommendationMutations {
  @Mutation(() => Recommendation, {
    description:
      'Adds a recommendation to an assessment, numbered after the last one it has ever had. CTED only.',
  })
  async addRecommendation(
    @Ctx() { db, viewer, idempotencyRetentionMs }: AssessmentsContext,
    @Arg('input', () => AddRecommendationInput, { description: 'The new recommendation.' })
    input: AddRecommendationInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) idempotencyKey?: string | null,
  ) {
    requireRole(viewer, ['cted'], ACTION);
    const [area] = thematicAreaCodes([input.thematicArea]);
    return createRecord({
      db,
      viewer,
      operation: 'addRecommendation',
      idempotencyKey,
      idempotencyRetentionMs,
      input,
      target: Recommendation,
      entityType: 'Recommendation',
      build: async (id, { tx }) => {
        const assessment = await lockAssessment(tx, input.assessmentId);
        await requireKnownAreas(tx, [area], 'input.thematicArea');
        return {
          id,
          assessmentId: assessment.id,
          memberStateIso3: assessment.memberStateIso3,
          thematicAreaCode: area,
          number: await nextNumber(tx, assessment.id),
          text: input.text.trim(),
          priority: input.priority,
          technicalAssistanceNeeded: input.technicalAssistanceNeeded,
          status: input.status ?? RecommendationStatus.OPEN,
          ...RECORDED,
        } as Recommendation;
      },
    });
  }

  @Mutation(() => Recommendation, { description: 'Changes a recommendation. CTED only.' })
  updateRecommendation(
    @Ctx() { db, viewer }: AssessmentsContext,
    @Arg('input', () => UpdateRecommendationInput, { description: 'What to change.' })
    input: UpdateRecommendationInput,
  ) {
    requireRole(viewer, ['cted'], ACTION);
    const changes: Partial<Recommendation> = {
      ...givenFields(input, ['priority', 'technicalAssistanceNeeded', 'status']),
    };
    if (input.text !== undefined) changes.text = input.text.trim();
    if (input.thematicArea !== undefined) {
      [changes.thematicAreaCode] = thematicAreaCodes([input.thematicArea]);
    }
    return runWrite({ db, viewer, operation: 'updateRecommendation' }, async (write) => {
      if (changes.thematicAreaCode) {
        await requireKnownAreas(write.tx, [changes.thematicAreaCode], 'input.thematicArea');
      }
      return updateRow(write, Recommendation, {
        where: { id: input.id },
        expectedVersion: input.expectedVersion,
        what: `Recommendation ${input.id}`,
        entityType: 'Recommendation',
        entityId: input.id,
        changes,
      });
    });
  }

  @Mutation(() => Boolean, {
    description:
      'Deletes a recommendation: it leaves every list, lookup and count, and the audit log keeps what it said. CTED only.',
  })
  deleteRecommendation(
    @Ctx() { db, viewer }: AssessmentsContext,
    @Args(() => DeleteRecommendationArgs) args: DeleteRecommendationArgs,
  ) {
    requireRole(viewer, ['cted'], ACTION);
    return runWrite({ db, viewer, operation: 'deleteRecommendation' }, async (write) => {
      const what = `Recommendation ${args.id}`;
      const row = await lockVersion(
        write.tx,
        Recommendation,
        { id: args.id },
        args.expectedVersion,
        what,
      );
      await write.tx.softDelete(Recommendation, { id: args.id });
      await write.audit({
        entityType: 'Recommendation',
        entityId: args.id,
        before: row,
        after: null,
      });
      return true;
    });
  }
}

/** Holds the assessment until the transaction ends, so concurrent adds number one at a time. */
async function lockAssessment(tx: EntityManager, id: string): Promise<Assessment> {
  const assessment = await tx
    .getRepository(Assessment)
    .createQueryBuilder('a')
    .setLock('pessimistic_write')
    .where('a.id = :id', { id })
    .getOne();
  if (!assessment) throw notFound(`Assessment ${id}`);
  return assessment;
}

/** Deleted recommendations keep their numbers: the unique key and the audit log still hold them. */
async function nextNumber(tx: EntityManager, assessmentId: string): Promise<number> {
  const { next } = (await tx
    .getRepository(Recommendation)
    .createQueryBuilder('r')
    .withDeleted()
    .select('COALESCE(MAX(r.number), 0) + 1', 'next')
    .where('r.assessmentId = :assessmentId', { assessmentId })
    .getRawOne()) as { next: string | number };
  return Number(next);
}
