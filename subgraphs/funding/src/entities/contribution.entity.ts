import { Column, DeleteDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../shared/src/scalars';
import { Versioned } from '../../../shared/src/versioned';
import { ContributionStatus } from '../../../shared/src/vocabulary';

/** Money a donor pledged or paid to a project or a programme. */
@Directive('@key(fields: "id")')
@ObjectType({
  simpleResolvers: true,
  description: 'Money a donor pledged or paid to a project, or to a programme as a whole.',
})
@Entity({ name: 'contribution' })
export class Contribution extends Versioned {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'donor_id', type: 'uuid' })
  donorId!: string;

  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId!: string | null;

  @Column({ name: 'programme_id', type: 'uuid', nullable: true })
  programmeId!: string | null;

  @Column({ name: 'amount', type: 'numeric', precision: 16, scale: 2 })
  amountValue!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Field(() => ContributionStatus, { description: 'Pledged or received.' })
  @Column({ type: 'varchar', length: 16 })
  status!: ContributionStatus;

  @Field(() => DateScalar, { description: 'When it was pledged.' })
  @Column({ name: 'pledged_on', type: 'date' })
  pledgedOn!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When it was received; null while pledged.',
  })
  @Column({ name: 'received_on', type: 'date', nullable: true })
  receivedOn!: string | null;

  @Field({ description: 'Whether the donor tied it to a specific use.' })
  @Column('boolean')
  earmarked!: boolean;

  /** Set when the row is deleted; deleted rows are kept for their history but never served. */
  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz' })
  deletedAt!: Date | null;
}
