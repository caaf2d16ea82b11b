import { fundingVariables } from '../filters';
import { useQuery } from '../hooks';
import { Bars, type Bar } from '../parts/bars';
import { Choice } from '../parts/field';
import { Loaded } from '../parts/status';
import { FUNDING } from '../queries';
import { FUNDING_GROUPS, type FundingGroup, type Route } from '../route';
import { useNavigation } from '../router';

type FundingRoute = Extract<Route, { view: 'funding' }>;
interface Money {
  amount: string;
  currency: string;
}
interface FundingData {
  appeals: {
    id: string;
    title: string;
    period: string;
    requested: Money;
    funded: Money;
    gap: Money;
  }[];
  groups: {
    key: string;
    label: string;
    projects: number;
    budget: Money;
    funded: Money;
    gap: Money;
  }[];
}

const GROUP_NAMES: Record<FundingGroup, string> = {
  REGION: 'Region',
  THEMATIC_AREA: 'Thematic area',
  LEAD_ENTITY: 'Lead entity',
  DONOR: 'Donor',
  MEMBER_STATE: 'Member State',
};

export function Funding(props: { route: FundingRoute; token?: string }) {
  const { route } = props;
  const { go } = useNavigation();
  const state = useQuery<FundingData>(FUNDING, fundingVariables(route), props.token);
  const appeals = state.answer?.data.appeals ?? [];
  return (
    <section aria-labelledby="funding-title">
      <h1 id="funding-title">Appeals and funding</h1>
      <Loaded state={state} what="funding figures">
        {(data) => (
          <>
            <h2>Appeals: requested, funded and gap</h2>
            <Bars
              label="Appeals"
              bars={data.appeals.map((a): Bar => ({
                key: a.id,
                label: `${a.title} (${a.period})`,
                total: a.requested,
                filled: a.funded,
                gap: a.gap,
              }))}
              totalName="Requested"
            />
            <h2>Projects’ budgets by {GROUP_NAMES[route.by].toLowerCase()}</h2>
            <form
              class="filters"
              aria-label="Group and filter"
              onSubmit={(e) => e.preventDefault()}
            >
              <Choice
                id="f-group-by"
                label="Group by"
                name="by"
                value={route.by}
                options={FUNDING_GROUPS.map((group) => ({
                  value: group,
                  label: GROUP_NAMES[group],
                }))}
                onChange={(by) => go({ ...route, by: (by ?? 'REGION') as FundingGroup })}
              />
              <Choice
                id="f-appeal"
                label="Appeal"
                name="appeal"
                value={route.appeal}
                any="Every project"
                options={appeals.map((a) => ({ value: a.id, label: a.title }))}
                onChange={(appeal) => go({ ...route, appeal })}
              />
            </form>
            {data.groups.length === 0 ? (
              <p class="empty">No project matches.</p>
            ) : (
              <Bars
                label={`Budgets by ${GROUP_NAMES[route.by].toLowerCase()}`}
                bars={data.groups.map((g): Bar => ({
                  key: g.key,
                  label: g.label,
                  total: g.budget,
                  filled: g.funded,
                  gap: g.gap,
                  count: g.projects,
                }))}
                totalName="Budget"
                countName="Projects"
              />
            )}
            <p class="hint">
              Amounts are exact
              {route.by === 'DONOR' ? '; a donor’s funded amount is its own share' : ''}. Hover a
              bar for its figures; the table holds the same.
            </p>
          </>
        )}
      </Loaded>
    </section>
  );
}
