import type { MemberStateRow } from './rows';

/** States whose English short name takes "the" ("the Netherlands", "the United States"). */
const WITH_ARTICLE = new Set([
  'ARE',
  'BHS',
  'CAF',
  'COD',
  'COG',
  'COM',
  'DOM',
  'GBR',
  'GMB',
  'MDV',
  'MHL',
  'NLD',
  'PHL',
  'SLB',
  'USA',
]);

/** The state's name as it reads inside a sentence. */
export function stateLabel(state: MemberStateRow): string {
  const name = state.iso3 === 'COD' ? state.officialName : state.name;
  return WITH_ARTICLE.has(state.iso3) ? `the ${name}` : name;
}

function possessive(label: string): string {
  return label.endsWith('s') ? `${label}'` : `${label}'s`;
}

function list(labels: string[]): string {
  return labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}

/** Where a project works: its states by name, or their subregion when three or more share one. */
export function placeLabel(states: readonly MemberStateRow[]): string {
  const subregions = new Set(states.map((s) => s.subregion));
  if (states.length >= 3 && subregions.size === 1) return states[0].subregion;
  return list(states.map(stateLabel));
}

/** Fills `{state}`, `{state's}` and `{where}` in a template. */
export function fillText(template: string, values: { state?: string; where?: string }): string {
  return template.replace(/\{(state's|state|where)\}/g, (_, name: string) => {
    if (name === 'where') return values.where ?? '';
    const state = values.state ?? '';
    return name === "state's" ? possessive(state) : state;
  });
}
