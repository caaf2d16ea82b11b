import { fundingVariables } from '../filters';
import { useQuery } from '../hooks';
import { Bars, type Bar } from '../parts/bars';
import { Field } from '../parts/field';
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

export const GROUP_NAMES: Record<FundingGroup, string> = {
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
              <Field id="f-group-by" label="Group by">
                <select
                  id="f-group-by"
                  name="by"
                  value={route.by}
                  onChange={(event) =>
                    go({ ...route, by: event.currentTarget.value as FundingGroup })
                  }
                >
                  {FUNDING_GROUPS.map((group) => (
                    <option key={group} value={group}>
                      {GROUP_NAMES[group]}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id="f-appeal" label="Appeal">
                <select
                  id="f-appeal"
                  name="appeal"
                  value={route.appeal ?? ''}
                  onChange={(event) =>
                    go({ ...route, appeal: event.currentTarget.value || undefined })
                  }
                >
                  <option value="">Every project</option>
                  {appeals.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.title}
                    </option>
                  ))}
                </select>
              </Field>
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
