import {
  Arg,
  Ctx,
  Directive,
  Field,
  Int,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
} from 'type-graphql';
import { REGION_LABELS, type Region } from '../../../shared/src/vocabulary';
import type { FundingContext } from '../context';
import { FundingGroupBy, fundingSums, type FundingSums } from '../funding-summary';
import { Money, money, toCents } from '../money';
import { ProjectFilter } from './inputs/project-filter.input';

registerEnumType(FundingGroupBy, {
  name: 'FundingGroupBy',
  description: 'What a funding summary sums by.',
  valuesConfig: {
    REGION: {
      description: 'The regions of the states a project benefits (key: the Region value).',
    },
    MEMBER_STATE: { description: 'The states a project benefits (key: ISO3 code).' },
    THEMATIC_AREA: { description: 'The thematic areas a project works in (key: the area code).' },
    LEAD_ENTITY: { description: 'The entity that leads a project (key: its acronym).' },
    DONOR: {
      description:
        'The donors that contribute to a project (key: donor id); funded is that donor’s own share.',
    },
    APPEAL: { description: 'The appeal a project is part of (key: appeal id).' },
  },
});

@ObjectType({
  simpleResolvers: true,
  description:
    'The projects of one group and their money. A project in several groups (it benefits several states) counts in each, so groups may add up to more than all projects.',
})
export class FundingGroup {
  @Field({
    description:
      'What the group is: a Region value, an ISO3 code, a thematic area code, an entity acronym, a donor or appeal id.',
  })
  key!: string;

  @Field({ description: 'Its name, for people: "Africa", "Nigeria", "UNODC"’s name, a donor’s.' })
  label!: string;

  @Field(() => Int, { description: 'Projects in the group that match the filter.' })
  projects!: number;

  @Field(() => Money, { description: 'Their budgets, summed.' })
  budget!: Money;

  @Field(() => Money, {
    description:
      'What donors have pledged or paid to them (for a donor’s group: what that donor has).',
  })
  funded!: Money;

  @Field(() => Money, {
    description:
      'Their funding gaps, summed: each project’s budget less its funding, never below zero.',
  })
  gap!: Money;
}

/** Where the funding of the Compact's projects goes (DESIGN.md, "The overview"). */
@Resolver()
export class FundingSummaryResolver {
  @Directive('@listSize(assumedSize: 193)')
  @Query(() => [FundingGroup], {
    description:
      'The projects that match, summed per region, Member State, thematic area, lead entity, donor or appeal: groups with at least one project, by key. Exact amounts.',
  })
  async fundingSummary(
    @Ctx() { db, loaders }: FundingContext,
    @Arg('groupBy', () => FundingGroupBy, { description: 'What to sum by.' })
    groupBy: FundingGroupBy,
    @Arg('filter', () => ProjectFilter, {
      nullable: true,
      description: 'Conditions every project summed must meet.',
    })
    filter?: ProjectFilter | null,
  ): Promise<FundingGroup[]> {
    const narrowed = await loaders.narrow(filter);
    const { services } = loaders;
    const needsStates =
      groupBy === FundingGroupBy.REGION || groupBy === FundingGroupBy.MEMBER_STATE;
    const states = needsStates ? await services.states.all() : [];
    const sums = await fundingSums(db, groupBy, narrowed, states);
    const labels = await labelsOf(groupBy, sums, { loaders, states });
    return sums.map((row) => ({
      key: row.key,
      label: labels.get(row.key) ?? row.key,
      projects: row.projects,
      budget: money(toCents(row.budget)),
      funded: money(toCents(row.funded)),
      gap: money(toCents(row.gap)),
    }));
  }
}

/** Each group's name, from whoever owns it: membership, assessments or funding itself. */
async function labelsOf(
  groupBy: FundingGroupBy,
  sums: FundingSums[],
  {
    loaders,
    states,
  }: {
    loaders: FundingContext['loaders'];
    states: readonly { iso3: string; name: string }[];
  },
): Promise<Map<string, string>> {
  const keys = sums.map((row) => row.key);
  const named = (rows: readonly { key: string; name: string }[]) =>
    new Map(rows.map((row) => [row.key, row.name]));
  switch (groupBy) {
    case FundingGroupBy.REGION:
      return new Map(keys.map((key) => [key, REGION_LABELS[key as Region] ?? key]));
    case FundingGroupBy.MEMBER_STATE:
      return new Map(states.map((state) => [state.iso3, state.name]));
    case FundingGroupBy.THEMATIC_AREA:
      return named(await loaders.services.areaNames.all());
    case FundingGroupBy.LEAD_ENTITY:
      return named(await loaders.services.entityNames.all());
    case FundingGroupBy.DONOR: {
      const donors = await loaders.donorById.loadMany(keys);
      return new Map(keys.map((key, i) => [key, nameOf(donors[i], 'name') ?? key]));
    }
    case FundingGroupBy.APPEAL: {
      const appeals = await loaders.appealById.loadMany(keys);
      return new Map(keys.map((key, i) => [key, nameOf(appeals[i], 'title') ?? key]));
    }
  }
}

const nameOf = <K extends string>(row: unknown, field: K): string | undefined =>
  row && !(row instanceof Error) ? (row as Record<K, string>)[field] : undefined;
