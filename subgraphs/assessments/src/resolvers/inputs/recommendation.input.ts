import { IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Length, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { Priority, RecommendationStatus } from '../../../../shared/src/vocabulary';
import { Optional } from '../../../../shared/src/validation';

const TEXT = 'What the Member State is recommended to do, 10 to 2,000 characters.';
const VERSION =
  'The version you read; the change is refused if the recommendation has changed since.';

@InputType({ description: 'A new recommendation of an assessment; it gets the next number.' })
export class AddRecommendationInput {
  @Field(() => ID, { description: 'The assessment that makes it.' })
  @IsUUID()
  assessmentId!: string;

  @Field({ description: 'Its thematic area, by code (such as "CFT").' })
  @Length(1, 32)
  thematicArea!: string;

  @Field({ description: TEXT })
  @Length(10, 2000)
  text!: string;

  @Field(() => Priority, { description: 'How urgent it is.' })
  @IsEnum(Priority)
  priority!: Priority;

  @Field({ description: 'Whether the Member State needs technical assistance to act on it.' })
  @IsBoolean()
  technicalAssistanceNeeded!: boolean;

  @Field(() => RecommendationStatus, {
    nullable: true,
    defaultValue: RecommendationStatus.OPEN,
    description: 'How far the Member State has acted on it. Default OPEN.',
  })
  @IsOptional()
  @IsEnum(RecommendationStatus)
  status?: RecommendationStatus | null;
}

@InputType({
  description:
    'Changes to a recommendation; fields left out stay as they are, none can be cleared.',
})
export class UpdateRecommendationInput {
  @Field(() => ID, { description: 'The recommendation to change.' })
  @IsUUID()
  id!: string;

  @Field(() => Int, { description: VERSION })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Its thematic area, by code (such as "CFT").',
  })
  @Optional()
  @Length(1, 32)
  thematicArea?: string;

  @Field(() => String, { nullable: true, description: TEXT })
  @Optional()
  @Length(10, 2000)
  text?: string;

  @Field(() => Priority, { nullable: true, description: 'How urgent it is.' })
  @Optional()
  @IsEnum(Priority)
  priority?: Priority;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the Member State needs technical assistance to act on it.',
  })
  @Optional()
  @IsBoolean()
  technicalAssistanceNeeded?: boolean;

  @Field(() => RecommendationStatus, {
    nullable: true,
    description: 'How far the Member State has acted on it.',
  })
  @Optional()
  @IsEnum(RecommendationStatus)
  status?: RecommendationStatus;
}

@ArgsType()
export class DeleteRecommendationArgs {
  @Field(() => ID, { description: 'The recommendation to delete.' })
  @IsUUID()
  id!: string;

  @Field(() => Int, { description: VERSION })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}
