import { useQuery } from '../hooks';
import { Link } from '../parts/link';
import { areaOptions, Choice, enumOptions, Field } from '../parts/field';
import { Loaded } from '../parts/status';
import { WorldMap } from '../parts/world-map';
import { WORLD } from '../queries';
import { PRIORITIES, REGIONS, WORLD_COLUMNS, type Route } from '../route';
import { useNavigation } from '../router';
import { WORLD_COLUMN_NAMES, worldCsv, worldFilter } from '../filters';
import {
  sortRows,
  titleCase,
  totals,
  worldRows,
  type CoverageGroup,
  type StateRef,
  type WorldRow,
} from '../shape';

type WorldRoute = Extract<Route, { view: 'world' }>;

interface WorldData {
  memberStates: StateRef[];
  thematicAreas: { code: string; name: string }[];
  byState: CoverageGroup[];
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function World(props: { route: WorldRoute; token?: string }) {
  const { route } = props;
  const { go } = useNavigation();
  const filter = worldFilter(route);
  const state = useQuery<WorldData>(WORLD, { filter }, props.token);
  const refine = (change: Partial<WorldRoute>) => go({ ...route, ...change }, { replace: false });
  const priorityWords = route.priority ? `${route.priority.toLowerCase()}-priority ` : '';

  return (
    <section aria-labelledby="world-title">
      <h1 id="world-title">Assessed needs no project covers</h1>
      <form class="filters" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
        <Choice
          id="f-region"
          label="Region"
          name="region"
          value={route.region}
          any="All regions"
          options={enumOptions(REGIONS, titleCase)}
          onChange={(region) => refine({ region: region as WorldRoute['region'] })}
        />
        <Choice
          id="f-thematic-area"
          label="Thematic area"
          name="theme"
          value={route.theme}
          any="All thematic areas"
          options={areaOptions(state.answer?.data.thematicAreas)}
          onChange={(theme) => refine({ theme })}
        />
        <Field id="f-priority" label="Priority">
          <select
            id="f-priority"
            name="priority"
            value={route.priority ?? 'ALL'}
            onChange={(event) => {
              const value = event.currentTarget.value;
              refine({ priority: value === 'ALL' ? undefined : (value as WorldRoute['priority']) });
            }}
          >
            {PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {titleCase(priority)}
              </option>
            ))}
            <option value="ALL">Any priority</option>
          </select>
        </Field>
      </form>
      <Loaded state={state} what="map">
        {(data) => {
          const rows = sortRows(worldRows(data.memberStates, data.byState), route.sort);
          const sum = totals(rows);
          const inScope = route.region
            ? new Set(data.memberStates.filter((s) => s.region === route.region).map((s) => s.iso3))
            : undefined;
          return (
            <>
              <p class="headline">
                <strong data-testid="global-unaddressed">{sum.unaddressed}</strong> {priorityWords}
                recommendations needing technical assistance that no project addresses, in{' '}
                {rows.filter((row) => row.unaddressed > 0).length} Member States
                <span class="sub">
                  {' '}
                  — of <span data-testid="global-recommendations">{sum.recommendations}</span>{' '}
                  assessed; {sum.addressed} addressed.
                </span>
              </p>
              <div class="world">
                <WorldMap
                  rows={rows}
                  inScope={inScope}
                  caption={`Map: unaddressed ${priorityWords}needs for technical assistance per Member State; ${sum.unaddressed} in all.`}
                  onSelect={(iso3) => go({ view: 'state', iso3 })}
                />
                <WorldTable rows={rows} route={route} />
              </div>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

function WorldTable(props: { rows: WorldRow[]; route: WorldRoute }) {
  const { go } = useNavigation();
  const { sort } = props.route;
  if (props.rows.length === 0) {
    return <p class="empty">No assessed needs match these filters, for this caller.</p>;
  }
  return (
    <div class="table-side">
      <div class="table-tools">
        <button
          type="button"
          onClick={() => download('unaddressed-needs.csv', worldCsv(props.rows))}
        >
          Download CSV
        </button>
      </div>
      <div class="scroll" tabIndex={0} role="region" aria-label="Needs per Member State">
        <table class="world-table">
          <caption class="visually-hidden">Needs for technical assistance per Member State</caption>
          <thead>
            <tr>
              {WORLD_COLUMNS.map((column) => {
                const active = sort.column === column;
                const numeric = column !== 'name' && column !== 'region';
                return (
                  <th
                    key={column}
                    scope="col"
                    class={numeric ? 'number' : column}
                    aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
                  >
                    <button
                      type="button"
                      onClick={() =>
                        go(
                          {
                            ...props.route,
                            sort: { column, descending: active ? !sort.descending : numeric },
                          },
                          { replace: true },
                        )
                      }
                    >
                      {WORLD_COLUMN_NAMES[column]}
                      <span aria-hidden="true">
                        {active ? (sort.descending ? ' ▼' : ' ▲') : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={row.iso3} data-iso3={row.iso3}>
                <th scope="row">
                  <Link to={{ view: 'state', iso3: row.iso3 }}>{row.name}</Link>
                </th>
                <td class="region">{titleCase(row.region)}</td>
                <td class="number">{row.recommendations}</td>
                <td class="number">{row.addressed}</td>
                <td class="number">{row.unaddressed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
