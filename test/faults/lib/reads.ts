import { buildDataset } from '../../../subgraphs/shared/src/dataset/build';
import type { Read } from './load';

const SUBGRAPHS = ['membership', 'assessments', 'funding'];

/** Reads across the subgraphs, and one that needs membership alone. */
export function reads(): () => Read {
  const data = buildDataset();
  const states = [...new Set(data.assessments.assessments.map((a) => a.memberStateIso3))];
  const entities = data.membership.entities.map((e) => e.acronym);
  const areas = data.assessments.thematicAreas.map((t) => t.code);
  const all: (() => Read)[] = [
    () => ({
      label: 'assessments with projects',
      query:
        '{ assessments(first: 5) { edges { node { id memberState { name } projects { code leadEntity { name } } } } } }',
      subgraphs: SUBGRAPHS,
    }),
    () => ({
      label: 'member state',
      query:
        'query ($iso3: String!) { memberState(iso3: $iso3) { name donor { name } assessments { id } } }',
      variables: { iso3: states[Math.floor(Math.random() * states.length)] },
      subgraphs: SUBGRAPHS,
    }),
    () => ({
      label: 'entity',
      query:
        'query ($a: String!) { entity(acronym: $a) { name projectsLed(first: 5) { totalCount } } }',
      variables: { a: entities[Math.floor(Math.random() * entities.length)] },
      subgraphs: ['membership', 'funding'],
    }),
    () => ({
      label: 'thematic area',
      query: 'query ($c: String!) { thematicArea(code: $c) { name funding { projects } } }',
      variables: { c: areas[Math.floor(Math.random() * areas.length)] },
      subgraphs: ['assessments', 'funding'],
    }),
    () => ({
      label: 'working groups',
      query: '{ workingGroups { name chairs { acronym } } }',
      subgraphs: ['membership'],
    }),
  ];
  return () => all[Math.floor(Math.random() * all.length)]();
}
