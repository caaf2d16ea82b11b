import { startApolloGateway } from '../helpers/apollo-gateway';
import {
  assessedDonorStates,
  assessmentListVariables,
  donorsFundingNeeds,
  entitiesThatLeadAndPartner,
  revealingProjects,
  statesWithUrgentNeeds,
  statesWithWithheldAssessments,
  thematicAreasWithProjects,
} from '../helpers/choices';
import { startTestGraph, type GraphQLResponse, type TestGraph } from '../helpers/graph';
import {
  ENTITY_LOOKUP,
  MEMBER_STATE_LOOKUP,
  PROJECT_KEYS_LOOKUP,
  PROJECT_LOOKUP,
} from '../helpers/lookups';
import { exampleOperations } from '../../gateway/operations';
import { operation } from '../helpers/operations';

/** An example operation of gateway/operations by its file name, such as "7-coverage-by-region". */
const example = (name: string) => exampleOperations().find((op) => op.name === name)!.document;

/**
 * Every operation the other end-to-end tests send, asked of the production gateway and of
 * Apollo's gateway on the same supergraph and subgraphs: the two answers must be the same.
 */

let graph: TestGraph;
let apollo: { url: string; stop(): Promise<unknown> };
beforeAll(async () => {
  graph = await startTestGraph();
  apollo = await startApolloGateway(graph);
});
afterAll(async () => {
  await apollo?.stop();
  await graph?.stop();
});

type Case = [string, string, Record<string, unknown>];

const states = [...new Set([...statesWithUrgentNeeds(3), ...statesWithWithheldAssessments(3)])];
const cases: Case[] = [
  ...assessmentListVariables().map(([name, v]): Case => [`question 1, ${name}`, operation(1), v]),
  ...states.map((iso3): Case => [`question 2, ${iso3}`, operation(2), { iso3 }]),
  ...entitiesThatLeadAndPartner(3).map((acronym): Case => [
    `question 3, ${acronym}`,
    operation(3),
    { acronym },
  ]),
  ...donorsFundingNeeds(3).map((id): Case => [`question 4, donor ${id}`, operation(4), { id }]),
  ...donorsFundingNeeds(1).map((id): Case => [
    `question 4, first 10`,
    operation(4),
    { id, first: 10 },
  ]),
  ...thematicAreasWithProjects(3).map((code): Case => [
    `question 5, ${code}`,
    operation(5),
    { code },
  ]),
  ...[...entitiesThatLeadAndPartner(2), 'CTED'].map((acronym): Case => [
    `entity(acronym: ${acronym})`,
    ENTITY_LOOKUP,
    { acronym },
  ]),
  ...[...states, ...assessedDonorStates(1)].map((iso3): Case => [
    `memberState(iso3: ${iso3})`,
    MEMBER_STATE_LOOKUP,
    { iso3 },
  ]),
  ...revealingProjects(3).map((code): Case => [`project(code: ${code})`, PROJECT_LOOKUP, { code }]),
  ...revealingProjects(2).map((code): Case => [
    `project(code: ${code}), keys only`,
    PROJECT_KEYS_LOOKUP,
    { code },
  ]),
  ...['AFRICA', 'ASIA', 'OCEANIA'].map((region): Case => [
    `needs nobody covers, ${region}`,
    example('6-needs-nobody-covers'),
    { region, first: 50 },
  ]),
  ['coverage by region', example('7-coverage-by-region'), {}],
  ['funding by region', example('8-funding-by-region'), { status: ['ACTIVE'] }],
  [
    'projects searched and filtered',
    `query ($search: String) {
      projects(first: 30, filter: { search: $search, region: [AFRICA, ASIA] }) {
        totalCount edges { node { code title leadEntity { name } } }
      }
    }`,
    { search: 'border or financing' },
  ],
];

const answer = ({ data, errors }: GraphQLResponse) => ({ data, errors });

test.each(cases)('%s', async (_name, document, variables) => {
  const [ours, theirs] = await Promise.all([
    graph.query(document, variables),
    graph.query(document, variables, { url: apollo.url }),
  ]);
  expect(ours.data).toBeTruthy();
  expect(answer(ours)).toEqual(answer(theirs));
});
