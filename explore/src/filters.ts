import type { Route, WorldColumn } from './route';
import { titleCase, toCsv, type WorldRow } from './shape';

/** Each view's route as the variables of its one operation. */

type WorldRoute = Extract<Route, { view: 'world' }>;
type ProjectsRoute = Extract<Route, { view: 'projects' }>;
type FundingRoute = Extract<Route, { view: 'funding' }>;

export function worldFilter(route: WorldRoute) {
  return {
    technicalAssistanceNeeded: true,
    ...(route.priority ? { priority: [route.priority] } : {}),
    ...(route.region ? { region: [route.region] } : {}),
    ...(route.theme ? { thematicArea: [route.theme] } : {}),
  };
}

export function projectFilter(route: ProjectsRoute) {
  return {
    ...(route.search ? { search: route.search } : {}),
    ...(route.region ? { region: [route.region] } : {}),
    ...(route.partner ? { partnerEntity: [route.partner] } : {}),
    ...(route.status ? { status: [route.status] } : {}),
    ...(route.theme ? { thematicArea: [route.theme] } : {}),
  };
}

export function fundingVariables(route: FundingRoute) {
  return { by: route.by, filter: route.appeal ? { appeal: route.appeal } : null };
}

export const WORLD_COLUMN_NAMES: Record<WorldColumn, string> = {
  name: 'Member State',
  region: 'Region',
  recommendations: 'Assessed',
  addressed: 'Addressed',
  unaddressed: 'Unaddressed',
};

/** The world table as CSV: its rows in the order shown, its columns, and each state's ISO3. */
export function worldCsv(rows: WorldRow[]): string {
  return toCsv(
    [
      'ISO3',
      WORLD_COLUMN_NAMES.name,
      WORLD_COLUMN_NAMES.region,
      WORLD_COLUMN_NAMES.recommendations,
      WORLD_COLUMN_NAMES.addressed,
      WORLD_COLUMN_NAMES.unaddressed,
    ],
    rows.map((row) => [
      row.iso3,
      row.name,
      titleCase(row.region),
      row.recommendations,
      row.addressed,
      row.unaddressed,
    ]),
  );
}
