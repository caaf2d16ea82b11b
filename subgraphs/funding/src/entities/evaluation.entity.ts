import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../shared/src/scalars';
import { Versioned } from '../../../shared/src/versioned';
import { EvaluationRating } from './evaluation-rating.enum';

/** An evaluation of a project: when it was completed, who made it and how it rated the project. */
@ObjectType({
  simpleResolvers: true,
  description: 'An evaluation of a project: who made it, when, and how it rated the project.',
})
@Entity({ name: 'evaluation' })
export class Evaluation extends Versioned {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Field(() => DateScalar, { description: 'When the evaluation was completed.' })
  @Column({ name: 'completed_on', type: 'date' })
  completedOn!: string;

  @Field(() => EvaluationRating, { description: 'Its overall rating of the project.' })
  @Column({ type: 'varchar', length: 32 })
  rating!: EvaluationRating;

  @Field({ description: 'Its findings in brief.' })
  @Column('text')
  summary!: string;

  @Column({ name: 'evaluator_entity_acronym', type: 'varchar', length: 32, nullable: true })
  evaluatorEntityAcronym!: string | null;
}
