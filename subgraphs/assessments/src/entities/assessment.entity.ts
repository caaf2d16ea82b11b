import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../shared/src/scalars';
import { Versioned } from '../../../shared/src/versioned';
import {
  AssessmentFormat,
  AssessmentStatus,
  AssessmentType,
  Confidentiality,
} from '../../../shared/src/vocabulary';

/** A CTED assessment of one Member State's counter-terrorism efforts. */
@Directive('@key(fields: "id")')
@ObjectType({
  simpleResolvers: true,
  description:
    "An assessment of a Member State's implementation of the Security Council's counter-terrorism resolutions, made by CTED on behalf of the Counter-Terrorism Committee.",
})
@Entity({ name: 'assessment' })
export class Assessment extends Versioned {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'member_state_iso3', type: 'char', length: 3 })
  memberStateIso3!: string;

  @Field(() => AssessmentType, { description: 'Visit, follow-up, focused visit or desk review.' })
  @Column({ type: 'varchar', length: 24 })
  type!: AssessmentType;

  @Field(() => AssessmentFormat, { description: 'In person, virtual or hybrid.' })
  @Column({ type: 'varchar', length: 16 })
  format!: AssessmentFormat;

  @Field(() => DateScalar, { description: 'First day of the assessment.' })
  @Column({ name: 'started_on', type: 'date' })
  startedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day; null while it is under way.' })
  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn!: string | null;

  @Field(() => AssessmentStatus, { description: 'Where the assessment stands.' })
  @Column({ type: 'varchar', length: 16 })
  status!: AssessmentStatus;

  @Field(() => Confidentiality, { description: 'Who may read its report and recommendations.' })
  @Column({ type: 'varchar', length: 24 })
  confidentiality!: Confidentiality;

  @Column({ name: 'lead_entity_acronym', type: 'varchar', length: 32 })
  leadEntityAcronym!: string;
}
