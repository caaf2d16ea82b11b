import type { ExampleOperation } from '../../operations';

/** A GraphiQL tab: the operation and its variables, as the editors show them. */
export interface ExampleTab {
  query: string;
  variables: string;
}

/**
 * Variables for each example operation, by file name, chosen from the sample data so every
 * example answers something on a fresh `npm start`: Nigeria has assessments with urgent needs,
 * UNODC leads and joins projects, Norway funds projects that address recommendations, and CFT
 * (countering the financing of terrorism) has recommendations and funded projects; Africa has
 * high-priority needs no project addresses.
 */
export const EXAMPLE_VARIABLES: Record<string, Record<string, unknown>> = {
  '1-projects-by-assessment': { first: 10 },
  '2-state-needs': { iso3: 'NGA' },
  '3-entity-footprint': { acronym: 'UNODC' },
  '4-donor-trail': { id: '0161bff5-9c00-7923-866c-ed91b72a813f' },
  '5-thematic-area': { code: 'CFT' },
  '6-needs-nobody-covers': { region: 'AFRICA', first: 20 },
  '7-coverage-by-region': {},
  '8-funding-by-region': { status: ['ACTIVE', 'PIPELINE'] },
};

/** One tab per example operation, in the order of their files. */
export function exampleTabs(operations: ExampleOperation[]): ExampleTab[] {
  return operations.map(({ name, document }) => ({
    query: document,
    variables: JSON.stringify(EXAMPLE_VARIABLES[name] ?? {}, null, 2),
  }));
}
