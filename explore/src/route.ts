/** What the address bar holds: the view and its filters, so a view can be shared and bookmarked. */

export const REGIONS = ['AFRICA', 'AMERICAS', 'ASIA', 'EUROPE', 'OCEANIA'] as const;
export const PRIORITIES = ['HIGH', 'MEDIUM', 'LOW'] as const;
export const PROJECT_STATUSES = ['PIPELINE', 'ACTIVE', 'COMPLETED', 'CANCELLED'] as const;
export const FUNDING_GROUPS = [
  'REGION',
  'THEMATIC_AREA',
  'LEAD_ENTITY',
  'DONOR',
  'MEMBER_STATE',
] as const;
export const WORLD_COLUMNS = [
  'name',
  'region',
  'recommendations',
  'addressed',
  'unaddressed',
] as const;

type Region = (typeof REGIONS)[number];
type Priority = (typeof PRIORITIES)[number];
type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export type FundingGroup = (typeof FUNDING_GROUPS)[number];
export type WorldColumn = (typeof WORLD_COLUMNS)[number];

export interface Sort {
  column: WorldColumn;
  descending: boolean;
}

export type Route =
  | {
      view: 'world';
      region?: Region;
      theme?: string;
      /** Undefined: every priority. */
      priority?: Priority;
      sort: Sort;
    }
  | { view: 'state'; iso3: string }
  | { view: 'funding'; by: FundingGroup; appeal?: string }
  | {
      view: 'projects';
      search?: string;
      region?: Region;
      partner?: string;
      status?: ProjectStatus;
      theme?: string;
      after?: string;
      /** Which page `after` leads to, counting from 1: for "21–40 of 57". */
      page: number;
    };

export const DEFAULT_SORT: Sort = { column: 'unaddressed', descending: true };

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((candidate) => candidate === value);

/** A short free-text value, or undefined: codes and words, never a page of text. */
function text(value: string | null, max = 200): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
}

function parseSort(value: string | null): Sort {
  const [column, direction] = (value ?? '').split('-');
  const known = oneOf(WORLD_COLUMNS, column ?? null);
  return known ? { column: known, descending: direction === 'desc' } : DEFAULT_SORT;
}

/** The route an address's query string names; anything unknown falls back to its default. */
export function parseRoute(search: string): Route {
  const params = new URLSearchParams(search);
  const get = (name: string) => params.get(name);
  switch (get('view')) {
    case 'state': {
      const iso3 = get('iso3')?.trim().toUpperCase();
      if (iso3 && /^[A-Z]{3}$/.test(iso3)) return { view: 'state', iso3 };
      break;
    }
    case 'funding':
      return {
        view: 'funding',
        by: oneOf(FUNDING_GROUPS, get('by')) ?? 'REGION',
        appeal: text(get('appeal'), 64),
      };
    case 'projects': {
      const page = Number.parseInt(get('page') ?? '', 10);
      const after = text(get('after'), 500);
      return {
        view: 'projects',
        search: text(get('q')),
        region: oneOf(REGIONS, get('region')),
        partner: text(get('partner'), 64),
        status: oneOf(PROJECT_STATUSES, get('status')),
        theme: text(get('theme'), 64),
        after,
        page: after && page > 1 ? page : 1,
      };
    }
  }
  const priority = get('priority');
  return {
    view: 'world',
    region: oneOf(REGIONS, get('region')),
    theme: text(get('theme'), 64),
    priority: priority === 'ALL' ? undefined : (oneOf(PRIORITIES, priority) ?? 'HIGH'),
    sort: parseSort(get('sort')),
  };
}

/** The query string for a route (with its leading "?"), defaults left out. */
export function routeSearch(route: Route): string {
  const params = new URLSearchParams();
  const set = (name: string, value: string | undefined) => value && params.set(name, value);
  switch (route.view) {
    case 'world':
      set('region', route.region);
      set('theme', route.theme);
      if (route.priority !== 'HIGH') set('priority', route.priority ?? 'ALL');
      if (route.sort.column !== DEFAULT_SORT.column || !route.sort.descending)
        set('sort', `${route.sort.column}-${route.sort.descending ? 'desc' : 'asc'}`);
      break;
    case 'state':
      set('view', 'state');
      set('iso3', route.iso3);
      break;
    case 'funding':
      set('view', 'funding');
      if (route.by !== 'REGION') set('by', route.by);
      set('appeal', route.appeal);
      break;
    case 'projects':
      set('view', 'projects');
      set('q', route.search);
      set('region', route.region);
      set('partner', route.partner);
      set('status', route.status);
      set('theme', route.theme);
      set('after', route.after);
      if (route.after && route.page > 1) set('page', String(route.page));
      break;
  }
  const search = params.toString();
  return search ? `?${search}` : '?';
}
