import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../../../../shared/src/pagination';
import { Priority, RecommendationStatus, Region } from '../../../../shared/src/vocabulary';
import { SEARCH_DESCRIPTION } from '../../../../shared/src/search';

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

  @Field(() => [Region], {
    nullable: true,
    description: 'Made to Member States of any of these regions.',
  })
  region?: Region[] | null;

  @Field(() => String, {
    nullable: true,
    description: `Whose text matches these words. ${SEARCH_DESCRIPTION}`,
  })
  search?: string | null;

  /** The ISO3 codes of the states of `region`, once `withRegions` has looked them up; not a field. */
  regionStates?: string[];
}

@ArgsType()
export class RecommendationPageArgs extends PageArgs {
  @Field(() => RecommendationFilter, {
    nullable: true,
    description: 'Conditions every recommendation must meet.',
  })
  filter?: RecommendationFilter | null;
}
