import { readFileSync } from 'node:fs';
import { buildASTSchema, isObjectType, parse, type GraphQLObjectType } from 'graphql';
import { buildDataset } from '../../subgraphs/shared/src/dataset/build';
import { startTestGraph, type TestGraph } from '../helpers/graph';
import { isReadable } from '../helpers/seed';

/**
 * A connection under a list of parents is read per level, not per parent: asking for the page of
 * every Member State costs each subgraph the statements that asking for Oceania's 14 does, and so
 * for every connection that lives under another record. The cases below must cover each such
 * field of the supergraph; a new one fails the first test until it has its case.
 */
interface Case {
  /** `Type.field` of the connection. */
  field: string;
  /** The query for a few parents and the one for many, with `$page` for the selection. */
  few: string;
  many: string;
}

const PAGE = '{ totalCount edges { cursor node { __typename } } pageInfo { hasNextPage } }';
const states = (selection: string) => [
  `{ memberStates(region: OCEANIA) { iso3 ${selection} } }`,
  `{ memberStates { iso3 ${selection} } }`,
];
const data = buildDataset();
const stateOf = new Map(data.assessments.assessments.map((a) => [a.id, a.memberStateIso3]));
const firstDonor = data.funding.donors[0].id;
const firstProgramme = data.funding.programmes[0].id;
const firstAppeal = data.funding.appeals[0].id;

const LIST = '{ __typename }';
const publicAssessment = data.assessments.assessments.find((a) => a.confidentiality === 'PUBLIC')!;

const CASES: Case[] = [
  ...['assessments', 'unaddressedRecommendations'].map((name) => {
    const [few, many] = states(`${name} ${LIST}`);
    return { field: `MemberState.${name}`, few, many };
  }),
  {
    field: 'Assessment.recommendations',
    few: `{ assessment(id: "${publicAssessment.id}") { id recommendations ${LIST} } }`,
    many: `{ assessments(first: 100) { edges { node { id recommendations ${LIST} } } } }`,
  },
  {
    field: 'Project.contributions',
    few: `{ project(code: "${data.funding.projects[0].code}") { id contributions ${LIST} } }`,
    many: `{ projects(first: 100) { edges { node { id contributions ${LIST} } } } }`,
  },
  ...['projects', 'recommendations'].map((name) => {
    const [few, many] = states(`${name} ${PAGE}`);
    return { field: `MemberState.${name}`, few, many };
  }),
  ...['projectsLed', 'projectsAsPartner', 'assessmentsParticipated'].map((name) => ({
    field: `Entity.${name}`,
    few: `{ entities(first: 3) { edges { node { acronym ${name} ${PAGE} } } } }`,
    many: `{ entities(first: 100) { edges { node { acronym ${name} ${PAGE} } } } }`,
  })),
  ...['projects', 'recommendations'].map((name) => ({
    field: `ThematicArea.${name}`,
    few: `{ thematicArea(code: "CFT") { code ${name} ${PAGE} } }`,
    many: `{ thematicAreas { code ${name} ${PAGE} } }`,
  })),
  {
    field: 'Programme.projects',
    few: `{ programme(id: "${firstProgramme}") { id projects ${PAGE} } }`,
    many: `{ programmes { id projects ${PAGE} } }`,
  },
  {
    field: 'Appeal.projects',
    few: `{ appeal(id: "${firstAppeal}") { id projects ${PAGE} } }`,
    many: `{ appeals { id projects ${PAGE} } }`,
  },
  {
    field: 'Donor.contributions',
    few: `{ donor(id: "${firstDonor}") { id contributions ${PAGE} } }`,
    many: `{ donors { id contributions ${PAGE} } }`,
  },
];

let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph?.stop());

test('every connection under another record has a case', () => {
  const schema = buildASTSchema(parse(readFileSync('schema/supergraph.graphql', 'utf8')), {
    assumeValidSDL: true,
  });
  const nested = Object.values(schema.getTypeMap())
    .filter(
      (type) => isObjectType(type) && !/^(__|join__|link__)|^(Query|Mutation)$/.test(type.name),
    )
    .flatMap((type) =>
      Object.values((type as GraphQLObjectType).getFields())
        .filter((field) => field.args.some((a) => a.name === 'first'))
        .map((field) => `${type.name}.${field.name}`),
    );
  expect(nested.sort()).toEqual(CASES.map((c) => c.field).sort());
});

async function statementsOf(query: string) {
  const before = graph.statements();
  const answer = await graph.query<Record<string, unknown>>(query);
  expect(answer.errors).toBeUndefined();
  const after = graph.statements();
  return {
    answer: answer.data!,
    statements: Object.fromEntries(
      Object.keys(after).map((name) => [name, after[name] - before[name]]),
    ),
  };
}

test.each(CASES.map((c) => [c.field, c] as const))(
  '%s: as many statements for many parents as for a few',
  async (_field, { few, many }) => {
    const small = await statementsOf(few);
    const large = await statementsOf(many);
    expect(large.statements).toEqual(small.statements);
    expect(JSON.stringify(large.answer).length).toBeGreaterThan(
      JSON.stringify(small.answer).length,
    );
  },
);

test("every state's projects and recommendations are counted right, in one request", async () => {
  const [, many] = states(`projects { totalCount } recommendations { totalCount }`);
  const { answer } = await statementsOf(many);
  const rows = (
    answer as {
      memberStates: {
        iso3: string;
        projects: { totalCount: number };
        recommendations: { totalCount: number };
      }[];
    }
  ).memberStates;
  expect(rows).toHaveLength(193);
  for (const row of rows) {
    const projects = data.funding.projects.filter((p) =>
      p.beneficiaryStateIso3s.includes(row.iso3),
    ).length;
    const recommendations = data.assessments.recommendations.filter(
      (r) => stateOf.get(r.assessmentId) === row.iso3 && isReadable(r),
    ).length;
    expect({
      iso3: row.iso3,
      projects: row.projects.totalCount,
      recommendations: row.recommendations.totalCount,
    }).toEqual({
      iso3: row.iso3,
      projects,
      recommendations,
    });
  }
});

test('a cursor from a page read for many parents continues its own parent', async () => {
  const all = await graph.query<{
    entity: { projectsLed: { edges: { node: { code: string } }[] } };
  }>('{ entity(acronym: "UNODC") { projectsLed(first: 100) { edges { node { code } } } } }');
  const codes = all.data!.entity.projectsLed.edges.map((e) => e.node.code);
  expect(codes.length).toBeGreaterThan(3);
  const page = `query ($after: String) { entities(first: 100) { edges { node { acronym projectsLed(first: 2, after: $after) { edges { node { code } } pageInfo { endCursor hasNextPage } } } } } }`;
  type Pages = {
    entities: {
      edges: {
        node: {
          acronym: string;
          projectsLed: {
            edges: { node: { code: string } }[];
            pageInfo: { endCursor: string; hasNextPage: boolean };
          };
        };
      }[];
    };
  };
  const unodcOf = (answer: { data?: Pages | null }) =>
    answer.data!.entities.edges.find((e) => e.node.acronym === 'UNODC')!.node.projectsLed;
  const first = unodcOf(await graph.query<Pages>(page));
  expect(first.edges.map((e) => e.node.code)).toEqual(codes.slice(0, 2));
  expect(first.pageInfo.hasNextPage).toBe(true);
  const second = unodcOf(await graph.query<Pages>(page, { after: first.pageInfo.endCursor }));
  expect(second.edges.map((e) => e.node.code)).toEqual(codes.slice(2, 4));
});
