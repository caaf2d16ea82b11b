import { readFileSync } from 'node:fs';
import { joinFieldsOf } from './join-aliases';

const joinFields = joinFieldsOf(readFileSync('schema/supergraph.graphql', 'utf8'));
const of = (type: string) => [...(joinFields.get(type) ?? [])].sort();

test('entities join by __typename and their keys, from every subgraph', () => {
  expect(of('Entity')).toEqual(['__typename', 'acronym', 'id']);
  expect(of('MemberState')).toEqual(['__typename', 'assessments', 'iso3']);
  expect(of('ThematicArea')).toEqual(['__typename', 'code']);
});

test('a field @requires selects is a join field of the type it is selected on', () => {
  // Assessment.coverage requires "recommendations { id priority technicalAssistanceNeeded }".
  expect(of('Assessment')).toContain('recommendations');
  expect(of('Recommendation')).toEqual([
    '__typename',
    'id',
    'priority',
    'technicalAssistanceNeeded',
  ]);
});

test('types the gateway never joins have none', () => {
  expect(joinFields.has('Coverage')).toBe(false);
  expect(joinFields.has('Query')).toBe(false);
});
