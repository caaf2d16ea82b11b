import { Column, DeleteDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Versioned } from '../../../shared/src/versioned';
import { Priority, RecommendationStatus } from '../../../shared/src/vocabulary';

/** A recommendation or technical-assistance need that an assessment identified. */
@Directive('@key(fields: "id")')
@ObjectType({
  simpleResolvers: true,
  description:
    'A recommendation an assessment made to a Member State; when technical assistance is needed, it is a need that capacity-building projects can address.',
})
@Entity({ name: 'recommendation' })
export class Recommendation extends Versioned {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'assessment_id', type: 'uuid' })
  assessmentId!: string;

  /** Copied from the assessment (which never changes state) so filters by state need no join. */
  @Column({ name: 'member_state_iso3', type: 'char', length: 3 })
  memberStateIso3!: string;

  @Column({ name: 'thematic_area_code', type: 'varchar', length: 32 })
  thematicAreaCode!: string;

  @Field(() => Int, { description: 'Its number within the assessment, from 1.' })
  @Column('int')
  number!: number;

  @Field({ description: 'What the Member State is recommended to do.' })
  @Column('text')
  text!: string;

  @Field(() => Priority, { description: 'How urgent it is.' })
  @Column({ type: 'varchar', length: 8 })
  priority!: Priority;

  @Field({ description: 'Whether the Member State needs technical assistance to act on it.' })
  @Column({ name: 'technical_assistance_needed', type: 'boolean' })
  technicalAssistanceNeeded!: boolean;

  @Field(() => RecommendationStatus, { description: 'How far the Member State has acted on it.' })
  @Column({ type: 'varchar', length: 16 })
  status!: RecommendationStatus;

  /** Set when the row is deleted; deleted rows are kept for their history but never served. */
  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz' })
  deletedAt!: Date | null;
}
