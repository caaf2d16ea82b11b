import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { Kind, getVariableValues, parse, type OperationDefinitionNode } from 'graphql';
import { clientSchema } from '../../../scripts/contract/sdl';
import { buildDataset } from '../../../subgraphs/shared/src/dataset/build';
import { exampleOperations } from '../../operations';
import { EXAMPLE_VARIABLES, exampleTabs } from './examples';

const operations = exampleOperations();
const schema = clientSchema(readFileSync('schema/supergraph.graphql', 'utf8'));
const operationOf = (document: string) =>
  parse(document).definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;

test('every example operation has variables, and only those', () => {
  expect(Object.keys(EXAMPLE_VARIABLES).sort()).toEqual(operations.map((o) => o.name).sort());
});

test.each(operations.map((o) => [o.name, o.document]))(
  '%s: its variables are valid for the supergraph',
  (name, document) => {
    const definitions = operationOf(document).variableDefinitions ?? [];
    const declared = definitions.map((d) => d.variable.name.value);
    const given = EXAMPLE_VARIABLES[name];
    expect(Object.keys(given).filter((key) => !declared.includes(key))).toEqual([]);
    const result = getVariableValues(schema, definitions, given);
    expect(result.errors).toBeUndefined();
  },
);

test('the variables name records of the sample data that have something to show', () => {
  const { membership, assessments, funding } = buildDataset();
  const stateNeeds = EXAMPLE_VARIABLES['2-state-needs'].iso3;
  expect(assessments.assessments.some((a) => a.memberStateIso3 === stateNeeds)).toBe(true);

  const entity = EXAMPLE_VARIABLES['3-entity-footprint'].acronym;
  expect(membership.entities.some((e) => e.acronym === entity)).toBe(true);
  expect(funding.projects.some((p) => p.leadEntityAcronym === entity)).toBe(true);
  expect(funding.projects.some((p) => p.partnerEntityAcronyms.includes(entity as string))).toBe(
    true,
  );

  const donor = EXAMPLE_VARIABLES['4-donor-trail'].id;
  const funded = funding.contributions
    .filter((c) => c.donorId === donor && c.projectId)
    .map((c) => funding.projects.find((p) => p.id === c.projectId)!);
  expect(funded.length).toBeGreaterThan(1);
  expect(funded.some((p) => p.recommendationIds.length > 0)).toBe(true);

  const area = EXAMPLE_VARIABLES['5-thematic-area'].code;
  expect(assessments.thematicAreas.some((t) => t.code === area)).toBe(true);
  expect(funding.projects.some((p) => p.thematicAreaCodes.includes(area as string))).toBe(true);
});

test('one tab per operation, in file order, its variables as pretty JSON', () => {
  const tabs = exampleTabs(operations);
  expect(tabs.map((t) => operationOf(t.query).name?.value)).toEqual([
    'ProjectsByAssessment',
    'StateNeeds',
    'EntityFootprint',
    'DonorTrail',
    'ThematicAreaOverview',
    'NeedsNobodyCovers',
    'CoverageByRegion',
    'FundingByRegion',
  ]);
  expect(JSON.parse(tabs[1].variables)).toEqual({ iso3: 'NGA' });
  expect(tabs[1].variables).toContain('\n  "iso3"');
});
