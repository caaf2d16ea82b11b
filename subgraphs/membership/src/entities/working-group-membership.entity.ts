import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../shared/src/scalars';
import { Versioned } from '../../../shared/src/versioned';
import { WorkingGroupRole } from '../../../shared/src/vocabulary';

/** An entity's place in a working group. */
@ObjectType({ simpleResolvers: true, description: "An entity's place in a working group." })
@Entity({ name: 'working_group_membership' })
export class WorkingGroupMembership extends Versioned {
  @PrimaryColumn({ name: 'working_group_id', type: 'uuid' })
  workingGroupId!: string;

  @PrimaryColumn({ name: 'entity_id', type: 'uuid' })
  entityId!: string;

  @Field(() => WorkingGroupRole, { description: 'Chair, vice-chair or member.' })
  @Column({ type: 'varchar', length: 16 })
  role!: WorkingGroupRole;

  @Field(() => DateScalar, { nullable: true, description: 'Since when, if known.' })
  @Column({ type: 'date', nullable: true })
  since!: string | null;
}
