import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../../../../shared/src/pagination';
import { Priority, RecommendationStatus } from '../../../../shared/src/vocabulary';

@InputType({ description: 'Narrows a list of recommendations; every given condition must hold.' })
export class RecommendationFilter {
  @Field(() => [String], {
    nullable: true,
    description: 'Made to any of these Member States (ISO3 codes, such as "NGA").',
  })
  memberState?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Made by this assessment.' })
  assessment?: string | null;

  @Field(() => [Priority], { nullable: true, description: 'Of any of these priorities.' })
  priority?: Priority[] | null;

  @Field(() => [RecommendationStatus], { nullable: true, description: 'In any of these states.' })
  status?: RecommendationStatus[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'In any of these thematic areas (codes, such as "CFT").',
  })
  thematicArea?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Only those that need technical assistance (true) or only those that do not (false).',
  })
  technicalAssistanceNeeded?: boolean | null;
}

@ArgsType()
export class RecommendationPageArgs extends PageArgs {
  @Field(() => RecommendationFilter, {
    nullable: true,
    description: 'Conditions every recommendation must meet.',
  })
  filter?: RecommendationFilter | null;
}
