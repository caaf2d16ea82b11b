import { IsInt, IsUUID, Min } from 'class-validator';
import { GraphQLError } from 'graphql';
import { Arg, ArgsType, Args, Ctx, Field, ID, Int, Mutation, Resolver } from 'type-graphql';
import { isoDate } from '../../../shared/src/dates';
import { requireRole } from '../../../shared/src/viewer';
import {
  createRecord,
  givenFields,
  IDEMPOTENCY_KEY,
  insertRow,
  lockVersion,
  RECORDED,
  runWrite,
  updateRow,
} from '../../../shared/src/writes';
import type { MembershipContext } from '../context';
import { CompactEntity } from '../entities/compact-entity.entity';
import { WorkingGroupMembership } from '../entities/working-group-membership.entity';
import { WorkingGroup } from '../entities/working-group.entity';
import { CreateEntityInput, UpdateEntityInput } from './inputs/entity.input';
import {
  CreateWorkingGroupInput,
  UpdateWorkingGroupInput,
  UpdateWorkingGroupMemberInput,
  WorkingGroupMemberInput,
} from './inputs/working-group.input';

const ACTION = "change the Compact's membership";

@ArgsType()
class RemoveMemberArgs {
  @Field(() => ID, { description: 'The working group.' })
  @IsUUID()
  workingGroupId!: string;

  @Field(() => ID, { description: 'The entity.' })
  @IsUUID()
  entityId!: string;

  @Field(() => Int, { description: 'The version of the membership you read.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

/** Writes to the membership subgraph; only `admin` may make them. */
@Resolver()
export class MembershipMutations {
  @Mutation(() => CompactEntity, { description: 'Adds an entity to the Compact. Admin only.' })
  async createEntity(
    @Ctx() { db, viewer, idempotencyRetentionMs }: MembershipContext,
    @Arg('input', () => CreateEntityInput, { description: 'The new entity.' })
    input: CreateEntityInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) idempotencyKey?: string | null,
  ) {
    requireRole(viewer, ['admin'], ACTION);
    return createRecord({
      db,
      viewer,
      operation: 'createEntity',
      idempotencyKey,
      idempotencyRetentionMs,
      input,
      target: CompactEntity,
      entityType: 'Entity',
      build: (id) =>
        ({
          id,
          acronym: input.acronym.trim(),
          name: input.name.trim(),
          kind: input.kind,
          joinedOn: isoDate(input.joinedOn) ?? null,
          signedCompactOn: isoDate(input.signedCompactOn) ?? null,
          isObserver: input.isObserver ?? false,
          website: input.website ?? null,
          ...RECORDED,
        }) as CompactEntity,
    });
  }

  @Mutation(() => CompactEntity, { description: 'Changes an entity. Admin only.' })
  updateEntity(
    @Ctx() { db, viewer }: MembershipContext,
    @Arg('input', () => UpdateEntityInput, { description: 'What to change.' })
    input: UpdateEntityInput,
  ) {
    requireRole(viewer, ['admin'], ACTION);
    const changes = givenFields(input, ['name', 'kind', 'isObserver', 'website']);
    return runWrite({ db, viewer, operation: 'updateEntity' }, (write) =>
      updateRow(write, CompactEntity, {
        where: { id: input.id },
        expectedVersion: input.expectedVersion,
        what: `Entity ${input.id}`,
        entityType: 'Entity',
        entityId: input.id,
        changes: {
          ...changes,
          ...(input.joinedOn !== undefined ? { joinedOn: isoDate(input.joinedOn) } : {}),
          ...(input.signedCompactOn !== undefined
            ? { signedCompactOn: isoDate(input.signedCompactOn) }
            : {}),
        } as Partial<CompactEntity>,
      }),
    );
  }

  @Mutation(() => WorkingGroup, { description: 'Creates a working group. Admin only.' })
  async createWorkingGroup(
    @Ctx() { db, viewer, idempotencyRetentionMs }: MembershipContext,
    @Arg('input', () => CreateWorkingGroupInput, { description: 'The new group.' })
    input: CreateWorkingGroupInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) idempotencyKey?: string | null,
  ) {
    requireRole(viewer, ['admin'], ACTION);
    return createRecord({
      db,
      viewer,
      operation: 'createWorkingGroup',
      idempotencyKey,
      idempotencyRetentionMs,
      input,
      target: WorkingGroup,
      entityType: 'WorkingGroup',
      build: (id) =>
        ({
          id,
          name: input.name.trim(),
          shortName: input.shortName ?? null,
          mandate: input.mandate,
          ...RECORDED,
        }) as WorkingGroup,
    });
  }

  @Mutation(() => WorkingGroup, { description: 'Changes a working group. Admin only.' })
  updateWorkingGroup(
    @Ctx() { db, viewer }: MembershipContext,
    @Arg('input', () => UpdateWorkingGroupInput, { description: 'What to change.' })
    input: UpdateWorkingGroupInput,
  ) {
    requireRole(viewer, ['admin'], ACTION);
    return runWrite({ db, viewer, operation: 'updateWorkingGroup' }, (write) =>
      updateRow(write, WorkingGroup, {
        where: { id: input.id },
        expectedVersion: input.expectedVersion,
        what: `Working group ${input.id}`,
        entityType: 'WorkingGroup',
        entityId: input.id,
        changes: givenFields(input, ['name', 'shortName', 'mandate']) as Partial<WorkingGroup>,
      }),
    );
  }

  @Mutation(() => WorkingGroupMembership, {
    description:
      'Adds an entity to a working group. Admin only. Adding it twice is refused (CONFLICT).',
  })
  addWorkingGroupMember(
    @Ctx() { db, viewer }: MembershipContext,
    @Arg('input', () => WorkingGroupMemberInput, {
      description: 'Who joins which group, in what role.',
    })
    input: WorkingGroupMemberInput,
  ) {
    requireRole(viewer, ['admin'], ACTION);
    return runWrite({ db, viewer, operation: 'addWorkingGroupMember' }, async (write) => {
      if (!(await write.tx.existsBy(WorkingGroup, { id: input.workingGroupId }))) {
        throw unknownId('working group', input.workingGroupId);
      }
      if (!(await write.tx.existsBy(CompactEntity, { id: input.entityId }))) {
        throw unknownId('entity', input.entityId);
      }
      const row = {
        workingGroupId: input.workingGroupId,
        entityId: input.entityId,
        role: input.role,
        since: isoDate(input.since) ?? null,
      } as WorkingGroupMembership;
      return insertRow(
        write,
        WorkingGroupMembership,
        row,
        'WorkingGroupMembership',
        membershipId(row),
      );
    });
  }

  @Mutation(() => WorkingGroupMembership, {
    description: "Changes an entity's role in a working group. Admin only.",
  })
  updateWorkingGroupMember(
    @Ctx() { db, viewer }: MembershipContext,
    @Arg('input', () => UpdateWorkingGroupMemberInput, { description: 'What to change.' })
    input: UpdateWorkingGroupMemberInput,
  ) {
    requireRole(viewer, ['admin'], ACTION);
    const changes: Partial<WorkingGroupMembership> = { ...givenFields(input, ['role']) };
    if (input.since !== undefined) changes.since = isoDate(input.since) ?? null;
    return runWrite({ db, viewer, operation: 'updateWorkingGroupMember' }, (write) =>
      updateRow(write, WorkingGroupMembership, {
        where: { workingGroupId: input.workingGroupId, entityId: input.entityId },
        expectedVersion: input.expectedVersion,
        what: `The membership of entity ${input.entityId} in working group ${input.workingGroupId}`,
        entityType: 'WorkingGroupMembership',
        entityId: membershipId(input),
        changes,
      }),
    );
  }

  @Mutation(() => Boolean, { description: 'Removes an entity from a working group. Admin only.' })
  removeWorkingGroupMember(
    @Ctx() { db, viewer }: MembershipContext,
    @Args(() => RemoveMemberArgs) args: RemoveMemberArgs,
  ) {
    requireRole(viewer, ['admin'], ACTION);
    return runWrite({ db, viewer, operation: 'removeWorkingGroupMember' }, async (write) => {
      const row = await lockVersion(
        write.tx,
        WorkingGroupMembership,
        { workingGroupId: args.workingGroupId, entityId: args.entityId },
        args.expectedVersion,
        `The membership of entity ${args.entityId} in working group ${args.workingGroupId}`,
      );
      await write.tx.delete(WorkingGroupMembership, {
        workingGroupId: args.workingGroupId,
        entityId: args.entityId,
      });
      await write.audit({
        entityType: 'WorkingGroupMembership',
        entityId: membershipId(args),
        before: row,
        after: null,
      });
      return true;
    });
  }
}

function membershipId(row: { workingGroupId: string; entityId: string }): string {
  return `${row.workingGroupId}/${row.entityId}`;
}

function unknownId(what: string, id: string): GraphQLError {
  return new GraphQLError(`There is no ${what} with id ${id}. Nothing was changed.`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}
