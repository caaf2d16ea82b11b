import { IsDate, IsEnum, IsInt, IsOptional, IsUUID, Length, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../../../shared/src/scalars';
import { Optional } from '../../../../shared/src/validation';
import { EvaluationRating } from '../../entities/evaluation-rating.enum';

@InputType({ description: 'A completed evaluation of a project.' })
export class RecordEvaluationInput {
  @Field(() => ID, { description: 'The project evaluated.' })
  @IsUUID()
  projectId!: string;

  @Field(() => DateScalar, { description: 'When the evaluation was completed.' })
  @IsDate()
  completedOn!: Date;

  @Field(() => EvaluationRating, { description: 'Its overall rating of the project.' })
  @IsEnum(EvaluationRating)
  rating!: EvaluationRating;

  @Field({ description: 'Its findings in brief.' })
  @Length(10, 10000)
  summary!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Acronym of the Compact entity that made it, such as "UNOCT"; leave out for an outside evaluator.',
  })
  @IsOptional()
  @Length(2, 32)
  evaluator?: string | null;
}

@InputType({ description: 'Changes to an evaluation; fields left out stay as they are.' })
export class UpdateEvaluationInput {
  @Field(() => ID, { description: 'The evaluation to change.' })
  @IsUUID()
  id!: string;

  @Field(() => Int, {
    description: 'The version you read; the change is refused if the evaluation has changed since.',
  })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => DateScalar, { nullable: true, description: 'When it was completed.' })
  @Optional()
  @IsDate()
  completedOn?: Date;

  @Field(() => EvaluationRating, { nullable: true, description: 'Its overall rating.' })
  @Optional()
  @IsEnum(EvaluationRating)
  rating?: EvaluationRating;

  @Field(() => String, { nullable: true, description: 'Its findings in brief.' })
  @Optional()
  @Length(10, 10000)
  summary?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Acronym of the Compact entity that made it; null for an outside evaluator.',
  })
  @IsOptional()
  @Length(2, 32)
  evaluator?: string | null;
}
