import { IsOptional, Length } from 'class-validator';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import {
  Args,
  ArgsType,
  Ctx,
  Directive,
  Field,
  ID,
  InputType,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SubgraphContext } from './context';
import { paginate } from './batched-pages';
import { connectionType, PageArgs, type KeysetOrder } from './pagination';
import { requireRole } from './viewer';

/** One row of a subgraph's append-only audit log. */
@Entity({ name: 'audit_log' })
export class AuditLogRow {
  @PrimaryColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'actor_subject', type: 'text', nullable: true })
  actorSubject!: string | null;

  @Column({ name: 'actor_entity', type: 'text', nullable: true })
  actorEntity!: string | null;

  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles!: string[];

  @Column('text')
  operation!: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType!: string;

  @Column({ name: 'entity_id', type: 'text' })
  entityId!: string;

  @Column({ type: 'jsonb', nullable: true })
  before!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after!: unknown;
}

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'Who made a change, as their token said.' })
export class AuditActor {
  @Field(() => String, { nullable: true, description: "The token's subject." })
  subject!: string | null;

  @Field(() => String, { nullable: true, description: "The caller's Compact entity." })
  entity!: string | null;

  @Directive('@listSize(assumedSize: 4)')
  @Field(() => [String], { description: 'The roles the caller held.' })
  roles!: string[];
}

@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'One change, as the audit log recorded it.' })
export class AuditEntry {
  @Field(() => ID, {
    description: "Position in this subgraph's log; later changes have larger ids.",
  })
  id!: string;

  @Field(() => DateTimeResolver, { description: 'When the change was committed.' })
  at!: Date;

  @Field(() => AuditActor, { description: 'Who made it.' })
  actor!: AuditActor;

  @Field({ description: 'The mutation, such as "updateProject".' })
  operation!: string;

  @Field({ description: 'The type of the record changed, such as "Project".' })
  entityType!: string;

  @Field({ description: 'The id of the record changed.' })
  entityId!: string;

  @Field(() => JSONResolver, {
    nullable: true,
    description: 'The record before the change; null when it was created.',
  })
  before!: unknown;

  @Field(() => JSONResolver, {
    nullable: true,
    description: 'The record after the change; null when it was deleted.',
  })
  after!: unknown;
}

@InputType({ description: 'Narrows the audit log; every given condition must hold.' })
export class AuditFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Changes to records of this type, such as "Project".',
  })
  @IsOptional()
  @Length(1, 64)
  entityType?: string | null;

  @Field(() => String, { nullable: true, description: 'Changes to the record with this id.' })
  @IsOptional()
  @Length(1, 200)
  entityId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Changes by callers with this token subject.',
  })
  @IsOptional()
  @Length(1, 200)
  actor?: string | null;
}

const AUDIT_ORDER: KeysetOrder = { keys: [{ property: 'id', kind: 'integer' }], direction: 'DESC' };

function toEntry(row: AuditLogRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: { subject: row.actorSubject, entity: row.actorEntity, roles: row.actorRoles },
    operation: row.operation,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
  };
}

/**
 * The audit-log query of one subgraph, named after it (`fundingAuditLog`…) so that the three
 * compose side by side. Only `admin` may read it.
 */
export function auditLogResolver(subgraph: string) {
  const AuditEntryConnection = connectionType('AuditEntry', AuditEntry, 'audit log entries', {
    shareable: true,
  });

  @ArgsType()
  class AuditLogArgs extends PageArgs {
    @Field(() => AuditFilter, { nullable: true, description: 'Conditions every entry must meet.' })
    filter?: AuditFilter | null;
  }

  @Resolver()
  class AuditLogResolver {
    @Query(() => AuditEntryConnection, {
      name: `${subgraph}AuditLog`,
      nullable: true,
      description: `Every write to the ${subgraph} subgraph, newest first: who, when, which operation, the record before and after. Admin only.`,
    })
    async auditLog(
      @Ctx() { db, viewer }: SubgraphContext<unknown>,
      @Args(() => AuditLogArgs) { filter, first, after }: AuditLogArgs,
    ) {
      requireRole(viewer, ['admin'], 'read the audit log');
      const query = db.getRepository(AuditLogRow).createQueryBuilder('log');
      if (filter?.entityType) query.andWhere('log.entityType = :type', { type: filter.entityType });
      if (filter?.entityId) query.andWhere('log.entityId = :id', { id: filter.entityId });
      if (filter?.actor) query.andWhere('log.actorSubject = :actor', { actor: filter.actor });
      const page = await paginate(query, AUDIT_ORDER, { first, after });
      return { ...page, edges: page.edges.map((edge) => ({ ...edge, node: toEntry(edge.node) })) };
    }
  }
  return AuditLogResolver;
}
