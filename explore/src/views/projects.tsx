import { useEffect, useState } from 'preact/hooks';
import { useQuery } from '../hooks';
import { projectFilter } from '../filters';
import { Link } from '../parts/link';
import { areaOptions, Choice, enumOptions, Field } from '../parts/field';
import { Loaded } from '../parts/status';
import { PROJECTS, PROJECTS_PAGE_SIZE } from '../queries';
import { PROJECT_STATUSES, REGIONS, type Route } from '../route';
import { useNavigation } from '../router';
import { formatMoney, titleCase } from '../shape';

type ProjectsRoute = Extract<Route, { view: 'projects' }>;
interface Money {
  amount: string;
  currency: string;
}
interface Project {
  code: string;
  title: string;
  summary: string;
  status: string;
  startsOn: string;
  endsOn: string | null;
  leadEntity: { acronym: string } | null;
  partnerEntities: { acronym: string }[] | null;
  beneficiaryStates: { iso3: string; name: string }[] | null;
  thematicAreas: { name: string }[] | null;
  budget: Money;
  fundingGap: Money;
}
interface ProjectsData {
  thematicAreas: { code: string; name: string }[] | null;
  entities: { edges: { node: { acronym: string; name: string } }[] } | null;
  projects: {
    totalCount: number;
    edges: { node: Project }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export function Projects(props: { route: ProjectsRoute; token?: string }) {
  const { route } = props;
  const { go } = useNavigation();
  const [words, setWords] = useState(route.search ?? '');
  useEffect(() => setWords(route.search ?? ''), [route.search]);
  const state = useQuery<ProjectsData>(
    PROJECTS,
    { filter: projectFilter(route), first: PROJECTS_PAGE_SIZE, after: route.after ?? null },
    props.token,
  );
  /** A new filter starts again from the first page. */
  const refine = (change: Partial<ProjectsRoute>) =>
    go({ ...route, ...change, after: undefined, page: 1 });
  const options = state.answer?.data;
  return (
    <section aria-labelledby="projects-title">
      <h1 id="projects-title">Projects</h1>
      <form
        class="filters"
        role="search"
        aria-label="Find projects"
        onSubmit={(event) => {
          event.preventDefault();
          refine({ search: words.trim() || undefined });
        }}
      >
        <Field id="f-words" label="Words" class="words">
          <input
            id="f-words"
            type="search"
            name="q"
            value={words}
            placeholder="such as border security"
            onInput={(event) => setWords(event.currentTarget.value)}
          />
        </Field>
        <button type="submit">Search</button>
        <Choice
          id="f-region"
          label="Region"
          name="region"
          value={route.region}
          any="All regions"
          options={enumOptions(REGIONS, titleCase)}
          onChange={(region) => refine({ region: region as ProjectsRoute['region'] })}
        />
        <Choice
          id="f-partner"
          label="Partner"
          name="partner"
          value={route.partner}
          any="Any partner"
          options={(options?.entities?.edges ?? []).map(({ node }) => ({
            value: node.acronym,
            label: node.acronym,
          }))}
          onChange={(partner) => refine({ partner })}
        />
        <Choice
          id="f-status"
          label="Status"
          name="status"
          value={route.status}
          any="Any status"
          options={enumOptions(PROJECT_STATUSES, titleCase)}
          onChange={(status) => refine({ status: status as ProjectsRoute['status'] })}
        />
        <Choice
          id="f-thematic-area"
          label="Thematic area"
          name="theme"
          value={route.theme}
          any="All thematic areas"
          options={areaOptions(options?.thematicAreas)}
          onChange={(theme) => refine({ theme })}
        />
      </form>
      <Loaded state={state} what="projects">
        {(data) => <Results route={route} page={data.projects} />}
      </Loaded>
    </section>
  );
}

function Results(props: { route: ProjectsRoute; page: ProjectsData['projects'] }) {
  const { route, page } = props;
  if (page.edges.length === 0) return <p class="empty">No project matches.</p>;
  const first = (route.page - 1) * PROJECTS_PAGE_SIZE + 1;
  const last = first + page.edges.length - 1;
  return (
    <>
      <p class="sub" data-testid="range">
        {first}–{last} of {page.totalCount}
      </p>
      <ol class="projects" start={first}>
        {page.edges.map(({ node: p }) => (
          <li key={p.code} data-code={p.code}>
            <h2>
              <span class="code">{p.code}</span> {p.title}
            </h2>
            <p>{p.summary}</p>
            <dl>
              <dt>Status</dt>
              <dd>{titleCase(p.status)}</dd>
              <dt>Lead</dt>
              <dd>{p.leadEntity?.acronym ?? '—'}</dd>
              <dt>Partners</dt>
              <dd>{p.partnerEntities?.map((e) => e.acronym).join(', ') || '—'}</dd>
              <dt>Benefits</dt>
              <dd>
                {p.beneficiaryStates === null
                  ? 'not available right now'
                  : p.beneficiaryStates.map((s, i) => (
                      <span key={s.iso3}>
                        {i ? ', ' : ''}
                        <Link to={{ view: 'state', iso3: s.iso3 }}>{s.name}</Link>
                      </span>
                    ))}
              </dd>
              <dt>Budget</dt>
              <dd>
                {formatMoney(p.budget.amount, p.budget.currency)} (gap{' '}
                {formatMoney(p.fundingGap.amount, p.fundingGap.currency)})
              </dd>
            </dl>
          </li>
        ))}
      </ol>
      <nav class="pager" aria-label="Pages">
        {route.page > 1 ? (
          <Link to={{ ...route, after: undefined, page: 1 }}>First page</Link>
        ) : null}
        {page.pageInfo.hasNextPage && page.pageInfo.endCursor ? (
          <Link to={{ ...route, after: page.pageInfo.endCursor, page: route.page + 1 }}>
            Next page
          </Link>
        ) : null}
      </nav>
    </>
  );
}
