import { Column, DeleteDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../shared/src/scalars';
import { Versioned } from '../../../shared/src/versioned';
import { ProjectStatus } from '../../../shared/src/vocabulary';

/** A capacity-building project that helps Member States act on CTED's recommendations. */
@Directive('@key(fields: "id")')
@Directive('@key(fields: "code")')
@ObjectType({
  simpleResolvers: true,
  description:
    'A capacity-building project led by a Compact entity for one or more Member States, addressing CTED recommendations and using CTED assessments.',
})
@Entity({ name: 'project' })
export class Project extends Versioned {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryColumn('uuid')
  id!: string;

  @Field({ description: 'Project code, such as "CGC-2021-0042".' })
  @Column({ type: 'varchar', length: 32, unique: true })
  code!: string;

  @Field({ description: 'Title.' })
  @Column('text')
  title!: string;

  @Field({ description: 'What the project does.' })
  @Column('text')
  summary!: string;

  @Field(() => ProjectStatus, { description: 'Where the project stands.' })
  @Column({ type: 'varchar', length: 16 })
  status!: ProjectStatus;

  @Column({ name: 'lead_entity_acronym', type: 'varchar', length: 32 })
  leadEntityAcronym!: string;

  @Column({ name: 'programme_id', type: 'uuid', nullable: true })
  programmeId!: string | null;

  @Column({ name: 'appeal_id', type: 'uuid', nullable: true })
  appealId!: string | null;

  @Field(() => DateScalar, { description: 'Start date.' })
  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'End date; null if open-ended.' })
  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn!: string | null;

  @Column({ type: 'numeric', precision: 16, scale: 2 })
  budget!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  /** Set when the row is deleted; deleted rows are kept for their history but never served. */
  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz' })
  deletedAt!: Date | null;
}
