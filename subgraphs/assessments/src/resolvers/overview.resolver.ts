import {
  Arg,
  Args,
  Ctx,
  Directive,
  Field,
  Int,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
} from 'type-graphql';
import { compareText } from '../../../shared/src/lookup';
import { Priority, REGION_LABELS, Region } from '../../../shared/src/vocabulary';
import type { AssessmentsContext } from '../context';
import { withRegions } from '../../../shared/src/peer-reference';
import { RecommendationFilter, RecommendationPageArgs } from './inputs/recommendation-filter.input';
import { RecommendationConnection } from './recommendation.resolver';

export enum CoverageGroupBy {
  MEMBER_STATE = 'MEMBER_STATE',
  REGION = 'REGION',
  THEMATIC_AREA = 'THEMATIC_AREA',
  PRIORITY = 'PRIORITY',
}

registerEnumType(CoverageGroupBy, {
  name: 'CoverageGroupBy',
  description: 'What a coverage summary counts by.',
  valuesConfig: {
    MEMBER_STATE: { description: 'The Member State a recommendation is made to (key: ISO3 code).' },
    REGION: { description: "That state's region (key: the Region value)." },
    THEMATIC_AREA: { description: 'Its thematic area (key: the area code).' },
    PRIORITY: { description: 'Its priority (key: the Priority value).' },
  },
});

@ObjectType({
  simpleResolvers: true,
  description:
    'The recommendations of one group that the caller may read, and how many projects address: addressed + unaddressed = recommendations.',
})
export class CoverageGroup {
  @Field({
    description:
      'What the group is: an ISO3 code, a Region or Priority value, or a thematic area code.',
  })
  key!: string;

  @Field({ description: 'Its name, for people: "Nigeria", "Africa", "Border management", "High".' })
  label!: string;

  @Field(() => Int, { description: 'Recommendations in the group that match the filter.' })
  recommendations!: number;

  @Field(() => Int, {
    description: 'Of those, how many a project that is not cancelled addresses.',
  })
  addressed!: number;

  @Field(() => Int, { description: 'Of those, how many no project addresses.' })
  unaddressed!: number;
}

const PRIORITY_LABELS: Record<Priority, string> = {
  HIGH: 'High',
  MEDIUM: 'Medium',
  LOW: 'Low',
};
const PRIORITY_ORDER = [Priority.HIGH, Priority.MEDIUM, Priority.LOW];
const REGION_ORDER = Object.values(Region);

interface Counted {
  key: string;
  recommendations: number;
  addressed: number;
}

const group = (key: string, label: string, counted: Counted): CoverageGroup => ({
  key,
  label,
  recommendations: counted.recommendations,
  addressed: counted.addressed,
  unaddressed: counted.recommendations - counted.addressed,
});

/** The questions asked across every Member State at once (DESIGN.md, "The overview"). */
@Resolver()
export class OverviewResolver {
  @Query(() => RecommendationConnection, {
    description:
      'Across every Member State, the recommendations the caller may read that no project addresses (a cancelled project does not count), newest assessment first, then in the order of each.',
  })
  async unaddressedRecommendations(
    @Ctx() { loaders }: AssessmentsContext,
    @Args(() => RecommendationPageArgs) { filter, first, after }: RecommendationPageArgs,
  ) {
    return loaders.unaddressedAcross(await withRegions(loaders.states, filter), { first, after });
  }

  @Directive('@listSize(assumedSize: 193)')
  @Query(() => [CoverageGroup], {
    description:
      'How many of the recommendations the caller may read projects address, per Member State, region, thematic area or priority: groups with at least one recommendation, by key (priorities HIGH first).',
  })
  async coverageSummary(
    @Ctx() { loaders }: AssessmentsContext,
    @Arg('groupBy', () => CoverageGroupBy, { description: 'What to count by.' })
    groupBy: CoverageGroupBy,
    @Arg('filter', () => RecommendationFilter, {
      nullable: true,
      description: 'Conditions every recommendation counted must meet.',
    })
    filter?: RecommendationFilter | null,
  ): Promise<CoverageGroup[]> {
    const narrowed = await withRegions(loaders.states, filter);
    switch (groupBy) {
      case CoverageGroupBy.PRIORITY: {
        const counted = new Map(
          (await loaders.coverageBy('priority', narrowed)).map((row) => [row.key, row]),
        );
        return PRIORITY_ORDER.filter((p) => counted.has(p)).map((p) =>
          group(p, PRIORITY_LABELS[p], counted.get(p)!),
        );
      }
      case CoverageGroupBy.THEMATIC_AREA: {
        const counted = await loaders.coverageBy('thematicAreaCode', narrowed);
        const areas = new Map((await loaders.thematicAreas()).map((a) => [a.code, a.name]));
        return counted
          .map((row) => group(row.key, areas.get(row.key) ?? row.key, row))
          .sort((a, b) => compareText(a.key, b.key));
      }
      case CoverageGroupBy.MEMBER_STATE:
      case CoverageGroupBy.REGION: {
        const [counted, states] = await Promise.all([
          loaders.coverageBy('memberStateIso3', narrowed),
          loaders.states.all(),
        ]);
        const byIso3 = new Map(states.map((s) => [s.iso3, s]));
        if (groupBy === CoverageGroupBy.MEMBER_STATE) {
          return counted
            .map((row) => group(row.key, byIso3.get(row.key)?.name ?? row.key, row))
            .sort((a, b) => compareText(a.key, b.key));
        }
        const regions = new Map<Region, Counted>();
        for (const row of counted) {
          const region = byIso3.get(row.key)?.region;
          if (!region) continue;
          const sum = regions.get(region) ?? { key: region, recommendations: 0, addressed: 0 };
          sum.recommendations += row.recommendations;
          sum.addressed += row.addressed;
          regions.set(region, sum);
        }
        return REGION_ORDER.filter((r) => regions.has(r)).map((r) =>
          group(r, REGION_LABELS[r], regions.get(r)!),
        );
      }
    }
  }
}
