import {
  Arg,
  Args,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Priority } from '../../../shared/src/vocabulary';
import type { AssessmentsContext } from '../context';
import { ThematicArea } from '../entities/thematic-area.entity';
import { withRegions } from '../../../shared/src/peer-reference';
import { RecommendationPageArgs } from './inputs/recommendation-filter.input';
import { RecommendationConnection } from './recommendation.resolver';

@ObjectType({ simpleResolvers: true, description: 'How many recommendations have one priority.' })
class PriorityCount {
  @Field(() => Priority, { description: 'The priority.' })
  priority!: Priority;

  @Field(() => Int, { description: 'Recommendations of that priority the caller may read.' })
  count!: number;
}

@Resolver(() => ThematicArea)
export class ThematicAreaResolver {
  @Directive('@listSize(assumedSize: 30)')
  @Query(() => [ThematicArea], { description: 'All thematic areas, by name.' })
  thematicAreas(@Ctx() { loaders }: AssessmentsContext) {
    return loaders.thematicAreas();
  }

  @Query(() => ThematicArea, {
    nullable: true,
    description: 'One thematic area by code; null if there is none.',
  })
  thematicArea(
    @Ctx() { loaders }: AssessmentsContext,
    @Arg('code', { description: 'Its code, such as "CFT".' }) code: string,
  ) {
    return loaders.thematicAreaByCode.load(code.trim().toUpperCase());
  }

  @FieldResolver(() => RecommendationConnection, {
    description: 'Recommendations in this area that the caller may read.',
  })
  async recommendations(
    @Root() area: ThematicArea,
    @Ctx() { loaders }: AssessmentsContext,
    @Args(() => RecommendationPageArgs) { filter, first, after }: RecommendationPageArgs,
  ) {
    return loaders.recommendationsInArea(area.code, {
      filter: await withRegions(loaders.states, filter),
      first,
      after,
    });
  }

  @Directive('@listSize(assumedSize: 3)')
  @FieldResolver(() => [PriorityCount], {
    description: 'How many recommendations in this area have each priority, HIGH first.',
  })
  async recommendationsByPriority(
    @Root() area: ThematicArea,
    @Ctx() { loaders }: AssessmentsContext,
  ) {
    const counts = await loaders.priorityCountsByArea.load(area.code);
    return [Priority.HIGH, Priority.MEDIUM, Priority.LOW].map((priority) => ({
      priority,
      count: counts.find((c) => c.priority === priority)?.count ?? 0,
    }));
  }
}

export const thematicAreaReference = {
  ThematicArea: {
    __resolveReference(reference: { code: string }, { loaders }: AssessmentsContext) {
      return loaders.thematicAreaByCode.load(reference.code);
    },
  },
};
