import { useQuery } from '../hooks';
import { Field } from '../parts/field';
import { Loaded, Unavailable } from '../parts/status';
import { STATE } from '../queries';
import type { Route } from '../route';
import { useNavigation } from '../router';
import { formatMoney, isMissing, titleCase } from '../shape';

type StateRoute = Extract<Route, { view: 'state' }>;
interface Money {
  amount: string;
  currency: string;
}
interface Recommendation {
  id: string;
  text: string;
  priority: string;
  technicalAssistanceNeeded: boolean;
  status?: string;
  thematicArea: { name: string } | null;
  assessment?: { id: string };
  addressedBy?: { code: string; title: string; status: string }[] | null;
}
interface StateData {
  memberStates: { iso3: string; name: string }[];
  memberState: {
    iso3: string;
    name: string;
    region: string;
    subregion: string;
    assessments:
      | {
          id: string;
          type: string;
          format: string;
          startedOn: string;
          endedOn: string | null;
          status: string;
          confidentiality: string;
          contentsWithheld: boolean;
          leadEntity: { acronym: string } | null;
          coverage: { recommendations: number; addressed: number; unaddressed: number } | null;
        }[]
      | null;
    recommendations: { totalCount: number; edges: { node: Recommendation }[] } | null;
    unaddressedRecommendations: Recommendation[] | null;
    projects: {
      totalCount: number;
      edges: {
        node: {
          code: string;
          title: string;
          status: string;
          leadEntity: { acronym: string } | null;
          budget: Money;
          fundingGap: Money;
        };
      }[];
    } | null;
  } | null;
}

const CONFIDENTIALITY: Record<string, string> = {
  PUBLIC: 'Public',
  SHARED_WITH_CONSENT: 'Shared with consent',
  CONFIDENTIAL: 'Confidential',
};

export function State(props: { route: StateRoute; token?: string }) {
  const { go } = useNavigation();
  const state = useQuery<StateData>(STATE, { iso3: props.route.iso3 }, props.token);
  const errors = state.answer?.errors ?? [];
  return (
    <Loaded state={state} what="state's page">
      {(data) => {
        const ms = data.memberState;
        return (
          <section aria-labelledby="state-title">
            <form
              class="filters"
              aria-label="Choose a Member State"
              onSubmit={(e) => e.preventDefault()}
            >
              <Field id="f-member-state" label="Member State">
                <select
                  id="f-member-state"
                  value={props.route.iso3}
                  onChange={(event) => go({ view: 'state', iso3: event.currentTarget.value })}
                >
                  {ms ? null : <option value={props.route.iso3}>{props.route.iso3}</option>}
                  {data.memberStates.map((s) => (
                    <option key={s.iso3} value={s.iso3}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </Field>
            </form>
            {ms ? (
              <StateBody
                state={ms}
                missing={(...path) => isMissing(errors, 'memberState', ...path)}
              />
            ) : (
              <p class="empty" id="state-title">
                No Member State has the code {props.route.iso3}.
              </p>
            )}
          </section>
        );
      }}
    </Loaded>
  );
}

function StateBody(props: {
  state: NonNullable<StateData['memberState']>;
  missing: (...path: string[]) => boolean;
}) {
  const ms = props.state;
  const recommendations = ms.recommendations?.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      <h1 id="state-title">{ms.name}</h1>
      <p class="sub">
        {titleCase(ms.region)} · {ms.subregion} · ISO3 {ms.iso3}
      </p>

      <h2>Assessments</h2>
      {ms.assessments === null || props.missing('assessments') ? (
        <Unavailable what="assessments" />
      ) : ms.assessments.length === 0 ? (
        <p class="empty">No assessment of {ms.name} that this caller may see.</p>
      ) : (
        <div class="scroll" tabIndex={0} role="region" aria-label="Assessments">
          <table data-testid="assessments">
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col">Dates</th>
                <th scope="col">Status</th>
                <th scope="col">Confidentiality</th>
                <th scope="col">Lead</th>
                <th scope="col" class="number">
                  Needs for assistance (unaddressed)
                </th>
              </tr>
            </thead>
            <tbody>
              {ms.assessments.map((a) => (
                <tr key={a.id} data-id={a.id}>
                  <td>
                    {titleCase(a.type)} <span class="sub">({titleCase(a.format)})</span>
                  </td>
                  <td>
                    {a.startedOn}
                    {a.endedOn ? ` – ${a.endedOn}` : ''}
                  </td>
                  <td>{titleCase(a.status)}</td>
                  <td>
                    {CONFIDENTIALITY[a.confidentiality] ?? a.confidentiality}
                    {a.contentsWithheld ? (
                      <span class="withheld"> — contents withheld from this caller</span>
                    ) : null}
                  </td>
                  <td>{a.leadEntity?.acronym ?? '—'}</td>
                  <td class="number">
                    {a.coverage ? `${a.coverage.recommendations} (${a.coverage.unaddressed})` : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>Recommendations and the projects that address them</h2>
      {ms.recommendations === null ? (
        <Unavailable what="recommendations" />
      ) : recommendations.length === 0 ? (
        <p class="empty">No recommendation to {ms.name} that this caller may read.</p>
      ) : (
        <>
          {ms.recommendations.totalCount > recommendations.length ? (
            <p class="sub">
              The first {recommendations.length} of {ms.recommendations.totalCount}.
            </p>
          ) : null}
          <div class="scroll" tabIndex={0} role="region" aria-label="Recommendations">
            <table data-testid="recommendations">
              <thead>
                <tr>
                  <th scope="col">Recommendation</th>
                  <th scope="col">Thematic area</th>
                  <th scope="col">Priority</th>
                  <th scope="col">Addressed by</th>
                </tr>
              </thead>
              <tbody>
                {recommendations.map((r) => (
                  <tr key={r.id} data-id={r.id}>
                    <td>
                      {r.text}
                      {r.technicalAssistanceNeeded ? (
                        <span class="tag">needs technical assistance</span>
                      ) : null}
                    </td>
                    <td>{r.thematicArea?.name ?? '—'}</td>
                    <td>{titleCase(r.priority)}</td>
                    <td>
                      {r.addressedBy == null ? (
                        <span class="unavailable">not available right now</span>
                      ) : r.addressedBy.length === 0 ? (
                        <span class="none">no project</span>
                      ) : (
                        <ul class="plain">
                          {r.addressedBy.map((p) => (
                            <li key={p.code}>
                              <span class="code">{p.code}</span> {p.title}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h2>Needs no project addresses</h2>
      {ms.unaddressedRecommendations === null ? (
        <Unavailable what="unaddressed needs" />
      ) : ms.unaddressedRecommendations.length === 0 ? (
        <p class="empty">Every recommendation this caller may read is addressed by a project.</p>
      ) : (
        <ul class="needs" data-testid="unaddressed">
          {ms.unaddressedRecommendations.map((r) => (
            <li key={r.id} data-id={r.id}>
              <span class={`priority ${r.priority.toLowerCase()}`}>{titleCase(r.priority)}</span>{' '}
              {r.text} <span class="sub">({r.thematicArea?.name ?? 'no thematic area'})</span>
            </li>
          ))}
        </ul>
      )}

      <h2>Projects that benefit {ms.name}</h2>
      {ms.projects === null ? (
        <Unavailable what="projects" />
      ) : ms.projects.edges.length === 0 ? (
        <p class="empty">No project lists {ms.name} as a beneficiary.</p>
      ) : (
        <div class="scroll" tabIndex={0} role="region" aria-label="Projects">
          <table data-testid="projects">
            <thead>
              <tr>
                <th scope="col">Project</th>
                <th scope="col">Lead</th>
                <th scope="col">Status</th>
                <th scope="col" class="number">
                  Budget
                </th>
                <th scope="col" class="number">
                  Gap
                </th>
              </tr>
            </thead>
            <tbody>
              {ms.projects.edges.map(({ node: p }) => (
                <tr key={p.code} data-code={p.code}>
                  <td>
                    <span class="code">{p.code}</span> {p.title}
                  </td>
                  <td>{p.leadEntity?.acronym ?? '—'}</td>
                  <td>{titleCase(p.status)}</td>
                  <td class="number">{formatMoney(p.budget.amount, p.budget.currency)}</td>
                  <td class="number">{formatMoney(p.fundingGap.amount, p.fundingGap.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
