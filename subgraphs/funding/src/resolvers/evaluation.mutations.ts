import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { isoDate } from '../../../shared/src/dates';
import { requireRole } from '../../../shared/src/viewer';
import {
  createRecord,
  givenFields,
  IDEMPOTENCY_KEY,
  RECORDED,
  runWrite,
  updateRow,
} from '../../../shared/src/writes';
import type { FundingContext } from '../context';
import { Evaluation } from '../entities/evaluation.entity';
import { PROJECT_ACTION, partToWrite, projectToWrite } from '../project-writes';
import { requireAllKnown } from '../../../shared/src/peers';
import { RecordEvaluationInput, UpdateEvaluationInput } from './inputs/evaluation.input';

/** The evaluator, when one is named, checked with membership before the write begins. */
async function requireEvaluator({ peers }: FundingContext, evaluator: string | null | undefined) {
  await requireAllKnown(peers, [
    {
      subgraph: 'membership',
      typename: 'Entity',
      keyField: 'acronym',
      values: evaluator ? [evaluator] : [],
      argument: 'input.evaluator',
    },
  ]);
}

/** Evaluation of projects. Admin, or an editor of the lead entity. */
@Resolver()
export class EvaluationMutations {
  @Mutation(() => Evaluation, {
    description: 'Records an evaluation of a project. Admin, or an editor of the lead entity.',
  })
  async recordEvaluation(
    @Ctx() context: FundingContext,
    @Arg('input', () => RecordEvaluationInput, { description: 'The evaluation.' })
    input: RecordEvaluationInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) idempotencyKey?: string | null,
  ) {
    const { db, viewer, idempotencyRetentionMs } = context;
    await projectToWrite(db.manager, viewer, input.projectId);
    const evaluator = input.evaluator?.trim() || null;
    await requireEvaluator(context, evaluator);
    return createRecord({
      db,
      viewer,
      operation: 'recordEvaluation',
      idempotencyKey,
      idempotencyRetentionMs,
      input,
      target: Evaluation,
      entityType: 'Evaluation',
      check: async ({ tx }) => {
        await projectToWrite(tx, viewer, input.projectId);
      },
      build: (id) =>
        ({
          id,
          projectId: input.projectId,
          completedOn: isoDate(input.completedOn)!,
          rating: input.rating,
          summary: input.summary.trim(),
          evaluatorEntityAcronym: evaluator,
          ...RECORDED,
        }) as Evaluation,
    });
  }

  @Mutation(() => Evaluation, {
    description:
      'Changes an evaluation. Admin, or an editor of the lead entity of the project evaluated.',
  })
  async updateEvaluation(
    @Ctx() context: FundingContext,
    @Arg('input', () => UpdateEvaluationInput, { description: 'What to change.' })
    input: UpdateEvaluationInput,
  ) {
    const { db, viewer } = context;
    requireRole(viewer, ['admin', 'editor'], PROJECT_ACTION);
    await partToWrite(db.manager, viewer, Evaluation, input.id, 'Evaluation');
    const evaluator = input.evaluator === undefined ? undefined : input.evaluator?.trim() || null;
    await requireEvaluator(context, evaluator);
    return runWrite({ db, viewer, operation: 'updateEvaluation' }, async (write) => {
      await partToWrite(write.tx, viewer, Evaluation, input.id, 'Evaluation');
      return updateRow(write, Evaluation, {
        where: { id: input.id },
        expectedVersion: input.expectedVersion,
        what: `Evaluation ${input.id}`,
        entityType: 'Evaluation',
        entityId: input.id,
        changes: {
          ...givenFields(input, ['rating']),
          ...(input.summary !== undefined ? { summary: input.summary.trim() } : {}),
          ...(input.completedOn !== undefined ? { completedOn: isoDate(input.completedOn)! } : {}),
          ...(evaluator !== undefined ? { evaluatorEntityAcronym: evaluator } : {}),
        } as Partial<Evaluation>,
      });
    });
  }
}
