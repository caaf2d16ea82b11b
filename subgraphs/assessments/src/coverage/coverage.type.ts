import { Directive, Field, Int, ObjectType } from 'type-graphql';
import type { Priority } from '../../../shared/src/vocabulary';
import { Recommendation } from '../entities/recommendation.entity';

/** The conditions of a coverage field: one priority, and whether assistance is needed. */
export interface NeedFilter {
  priority?: Priority | null;
  technicalAssistanceNeeded?: boolean | null;
}

/** How many of an assessment's recommendations projects address. */
@ObjectType({
  description:
    'How many recommendations projects address. A recommendation counts as addressed when a project that is not cancelled addresses it; recommendations the caller may not read are not counted.',
})
export class Coverage {
  @Field(() => Int, { description: 'Recommendations considered.' })
  recommendations!: number;

  @Field(() => Int, { description: 'Of those, how many at least one project addresses.' })
  addressed!: number;

  @Field(() => Int, { description: 'Of those, how many no project addresses.' })
  unaddressed!: number;

  @Directive('@listSize(assumedSize: 20)')
  @Field(() => [Recommendation], {
    description: 'The recommendations no project addresses, in order.',
  })
  unaddressedRecommendations?: Recommendation[];

  /** The assessment counted, for `unaddressedRecommendations`; not a field. */
  assessmentId!: string;

  /** The conditions counted under, for `unaddressedRecommendations`; not a field. */
  filter!: NeedFilter;
}
