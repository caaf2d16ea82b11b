import { ArrayMaxSize, ArrayNotEmpty, IsInt, IsUUID, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';

@ArgsType()
class ProjectLinkArgs {
  @Field(() => ID, { description: 'The project.' })
  @IsUUID()
  projectId!: string;

  @Field(() => Int, {
    description:
      'The version of the project you read; the change is refused if it has changed since.',
  })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

@ArgsType()
export class ProjectRecommendationsArgs extends ProjectLinkArgs {
  @Field(() => [ID], { description: 'Ids of CTED recommendations.' })
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @IsUUID(undefined, { each: true })
  recommendationIds!: string[];
}

@ArgsType()
export class ProjectAssessmentsArgs extends ProjectLinkArgs {
  @Field(() => [ID], { description: 'Ids of CTED assessments.' })
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @IsUUID(undefined, { each: true })
  assessmentIds!: string[];
}
