import { Arg, Args, Ctx, Mutation, Resolver } from 'type-graphql';
import { isoDate } from '../../../shared/src/dates';
import { requireRole } from '../../../shared/src/viewer';
import {
  IDEMPOTENCY_KEY,
  RECORDED,
  createRecord,
  givenFields,
  invalidField,
  lockVersion,
  runWrite,
} from '../../../shared/src/writes';
import { ContributionStatus } from '../../../shared/src/vocabulary';
import type { FundingContext } from '../context';
import { Contribution } from '../entities/contribution.entity';
import { Donor } from '../entities/donor.entity';
import { Programme } from '../entities/programme.entity';
import { Project } from '../entities/project.entity';
import { CURRENCY } from '../money';
import { RecordContributionInput, UpdateContributionInput } from './inputs/contribution.input';
import { DeleteArgs } from './inputs/delete.args';

const ACTION = 'record contributions';

/** The rules between status and dates that hold for every stored contribution. */
function requireConsistentDates(row: Pick<Contribution, 'status' | 'pledgedOn' | 'receivedOn'>) {
  if (row.status === ContributionStatus.RECEIVED && !row.receivedOn) {
    throw invalidField('receivedOn', 'receivedOn must be given when status is RECEIVED');
  }
  if (row.status === ContributionStatus.PLEDGED && row.receivedOn) {
    throw invalidField('receivedOn', 'receivedOn must be left out while status is PLEDGED');
  }
  if (row.receivedOn && row.receivedOn < row.pledgedOn) {
    throw invalidField('receivedOn', `receivedOn must not be before pledgedOn (${row.pledgedOn})`);
  }
}

/** Contributions are recorded by `admin` only (DESIGN.md, Access). */
@Resolver()
export class ContributionMutations {
  @Mutation(() => Contribution, {
    description:
      'Records money a donor pledged or paid to a project or to a programme. Admin only.',
  })
  async recordContribution(
    @Ctx() { db, viewer, idempotencyRetentionMs }: FundingContext,
    @Arg('input', () => RecordContributionInput, {
      description: 'The contribution.',
      // type-graphql skips the rules of fields left out, and two rules are about leaving out:
      // a project or a programme, and a date of receipt exactly when RECEIVED.
      validate: { skipMissingProperties: false },
    })
    input: RecordContributionInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) idempotencyKey?: string | null,
  ) {
    requireRole(viewer, ['admin'], ACTION);
    return createRecord({
      db,
      viewer,
      operation: 'recordContribution',
      idempotencyKey,
      idempotencyRetentionMs,
      input,
      target: Contribution,
      entityType: 'Contribution',
      build: async (id, write) => {
        if (!(await write.tx.existsBy(Donor, { id: input.donorId }))) {
          throw invalidField('donorId', `there is no donor with id ${input.donorId}`);
        }
        let currency = CURRENCY;
        if (input.projectId) {
          // Shared, so a deletion of the project waits for this write and then counts it, or
          // this write waits for the deletion and then finds no project.
          const project = await write.tx
            .getRepository(Project)
            .createQueryBuilder('project')
            .setLock('pessimistic_read')
            .where('project.id = :id', { id: input.projectId })
            .getOne();
          if (!project) {
            throw invalidField('projectId', `there is no project with id ${input.projectId}`);
          }
          currency = project.currency;
        } else if (!(await write.tx.existsBy(Programme, { id: input.programmeId! }))) {
          throw invalidField('programmeId', `there is no programme with id ${input.programmeId}`);
        }
        // Totals add amounts up as they are; a second currency would make them wrong.
        if ((input.currency ?? CURRENCY) !== currency) {
          throw invalidField('currency', `currency must be ${currency}, that of what it funds`);
        }
        return {
          id,
          donorId: input.donorId,
          projectId: input.projectId ?? null,
          programmeId: input.projectId ? null : input.programmeId!,
          amountValue: input.amount,
          currency,
          status: input.status,
          pledgedOn: isoDate(input.pledgedOn)!,
          receivedOn: isoDate(input.receivedOn) ?? null,
          earmarked: input.earmarked ?? false,
          ...RECORDED,
        } as Contribution;
      },
    });
  }

  @Mutation(() => Contribution, { description: 'Changes a contribution. Admin only.' })
  updateContribution(
    @Ctx() { db, viewer }: FundingContext,
    @Arg('input', () => UpdateContributionInput, { description: 'What to change.' })
    input: UpdateContributionInput,
  ) {
    requireRole(viewer, ['admin'], ACTION);
    return runWrite({ db, viewer, operation: 'updateContribution' }, async (write) => {
      const what = `Contribution ${input.id}`;
      const row = await lockVersion(
        write.tx,
        Contribution,
        { id: input.id },
        input.expectedVersion,
        what,
      );
      const changes: Partial<Contribution> = {
        ...givenFields(input, ['status', 'earmarked']),
        ...(input.amount !== undefined ? { amountValue: input.amount } : {}),
        ...(input.pledgedOn !== undefined ? { pledgedOn: isoDate(input.pledgedOn)! } : {}),
        ...(input.receivedOn !== undefined
          ? { receivedOn: isoDate(input.receivedOn) ?? null }
          : {}),
      };
      if (changes.status === ContributionStatus.PLEDGED && input.receivedOn === undefined) {
        changes.receivedOn = null;
      }
      const before = { ...row };
      Object.assign(row, changes);
      requireConsistentDates(row);
      await write.tx.save(Contribution, row);
      // Read back, so the amount comes as PostgreSQL stores it ("1234.50"), as every read does.
      const after = await write.tx.findOneByOrFail(Contribution, { id: input.id });
      await write.audit({ entityType: 'Contribution', entityId: input.id, before, after });
      return after;
    });
  }

  @Mutation(() => Boolean, {
    description:
      'Deletes a contribution: it leaves every list and total; its history stays in the audit log. Admin only.',
  })
  deleteContribution(
    @Ctx() { db, viewer }: FundingContext,
    @Args(() => DeleteArgs) { id, expectedVersion }: DeleteArgs,
  ) {
    requireRole(viewer, ['admin'], ACTION);
    return runWrite({ db, viewer, operation: 'deleteContribution' }, async (write) => {
      const row = await lockVersion(
        write.tx,
        Contribution,
        { id },
        expectedVersion,
        `Contribution ${id}`,
      );
      await write.tx.softDelete(Contribution, { id });
      await write.audit({ entityType: 'Contribution', entityId: id, before: row, after: null });
      return true;
    });
  }
}
