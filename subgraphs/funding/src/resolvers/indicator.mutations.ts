import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Not, type EntityManager } from 'typeorm';
import { isoDate } from '../../../shared/src/dates';
import { requireRole } from '../../../shared/src/viewer';
import {
  conflict,
  createRecord,
  givenFields,
  IDEMPOTENCY_KEY,
  RECORDED,
  runWrite,
  updateRow,
} from '../../../shared/src/writes';
import type { FundingContext } from '../context';
import { Indicator } from '../entities/indicator.entity';
import { Measurement } from '../entities/measurement.entity';
import { PROJECT_ACTION, partToWrite, projectToWrite } from '../project-writes';
import {
  AddIndicatorInput,
  RecordMeasurementInput,
  UpdateIndicatorInput,
} from './inputs/indicator.input';

async function requireFreeName(
  tx: EntityManager,
  projectId: string,
  name: string,
  id?: string,
): Promise<void> {
  const where = id ? { projectId, name, id: Not(id) } : { projectId, name };
  if (await tx.existsBy(Indicator, where)) {
    throw conflict(`The project already has an indicator named "${name}". Nothing was changed.`);
  }
}

/** Monitoring: what a project measures and the values it records. Admin, or an editor of the lead. */
@Resolver()
export class IndicatorMutations {
  @Mutation(() => Indicator, {
    description: 'Adds an indicator to a project. Admin, or an editor of the lead entity.',
  })
  async addIndicator(
    @Ctx() { db, viewer, idempotencyRetentionMs }: FundingContext,
    @Arg('input', () => AddIndicatorInput, { description: 'The new indicator.' })
    input: AddIndicatorInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) idempotencyKey?: string | null,
  ) {
    requireRole(viewer, ['admin', 'editor'], PROJECT_ACTION);
    return createRecord({
      db,
      viewer,
      operation: 'addIndicator',
      idempotencyKey,
      idempotencyRetentionMs,
      input,
      target: Indicator,
      entityType: 'Indicator',
      check: async ({ tx }) => {
        await projectToWrite(tx, viewer, input.projectId);
      },
      build: async (id, { tx }) => {
        await requireFreeName(tx, input.projectId, input.name.trim());
        return {
          id,
          projectId: input.projectId,
          name: input.name.trim(),
          unit: input.unit.trim(),
          baseline: input.baseline ?? null,
          target: input.target ?? null,
          ...RECORDED,
        } as Indicator;
      },
    });
  }

  @Mutation(() => Indicator, {
    description: 'Changes an indicator. Admin, or an editor of the lead entity of its project.',
  })
  updateIndicator(
    @Ctx() { db, viewer }: FundingContext,
    @Arg('input', () => UpdateIndicatorInput, { description: 'What to change.' })
    input: UpdateIndicatorInput,
  ) {
    requireRole(viewer, ['admin', 'editor'], PROJECT_ACTION);
    return runWrite({ db, viewer, operation: 'updateIndicator' }, async (write) => {
      const current = await partToWrite(write.tx, viewer, Indicator, input.id, 'Indicator');
      if (input.name !== undefined) {
        await requireFreeName(write.tx, current.projectId, input.name.trim(), current.id);
      }
      await updateRow(write, Indicator, {
        where: { id: input.id },
        expectedVersion: input.expectedVersion,
        what: `Indicator ${input.id}`,
        entityType: 'Indicator',
        entityId: input.id,
        changes: {
          ...givenFields(input, ['baseline', 'target']),
          ...(input.name !== undefined ? { name: input.name.trim() } : {}),
          ...(input.unit !== undefined ? { unit: input.unit.trim() } : {}),
        } as Partial<Indicator>,
      });
      // Read back, so decimals come as PostgreSQL stores them ("150.0000"), as every read does.
      return write.tx.findOneByOrFail(Indicator, { id: input.id });
    });
  }

  @Mutation(() => Measurement, {
    description:
      'Records a value of an indicator. Admin, or an editor of the lead entity of its project.',
  })
  async recordMeasurement(
    @Ctx() { db, viewer, idempotencyRetentionMs }: FundingContext,
    @Arg('input', () => RecordMeasurementInput, { description: 'The value and its date.' })
    input: RecordMeasurementInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) idempotencyKey?: string | null,
  ) {
    requireRole(viewer, ['admin', 'editor'], PROJECT_ACTION);
    return createRecord({
      db,
      viewer,
      operation: 'recordMeasurement',
      idempotencyKey,
      idempotencyRetentionMs,
      input,
      target: Measurement,
      entityType: 'Measurement',
      check: async ({ tx }) => {
        await partToWrite(tx, viewer, Indicator, input.indicatorId, 'Indicator');
      },
      build: (id) =>
        ({
          id,
          indicatorId: input.indicatorId,
          value: input.value,
          measuredOn: isoDate(input.measuredOn)!,
        }) as Measurement,
    });
  }
}
