import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate, type OperationDefinitionNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { buildDataset } from '../../subgraphs/shared/src/dataset/build';
import { Random } from '../../subgraphs/shared/src/dataset/random';
import { Draw, type World, type WriteOp } from './write-draw';
import { hotSet, OPS, writeOps } from './write-generator';
import { stormOps } from './write-storm';

const schema = buildSchema(
  readFileSync(join(__dirname, '../../schema/supergraph.graphql'), 'utf8'),
);
const data = buildDataset();
const world: World = {
  data,
  deletedProjects: [data.funding.projects[0]!],
  hot: hotSet(new Random(1), data),
};
const ops = writeOps(new Random(2), world, 2000, 'test', 8);

/** The variables as sent: with the version the runner reads just before. */
function sentVariables(op: WriteOp) {
  const variables = structuredClone(op.variables);
  if (op.version?.in === 'input') (variables.input as Record<string, unknown>).expectedVersion = 1;
  else if (op.version) variables.expectedVersion = 1;
  return variables;
}

describe('writeOps', () => {
  test('draws every kind of write', () => {
    expect(new Set(ops.map((op) => op.kind))).toEqual(new Set(Object.keys(OPS)));
  });

  test('every write is a valid operation of the supergraph, with valid variables', () => {
    const validated = new Map<string, readonly unknown[]>();
    for (const op of ops) {
      const document = parse(op.query);
      if (!validated.has(op.query)) validated.set(op.query, validate(schema, document));
      expect(validated.get(op.query)).toEqual([]);
      const operation = document.definitions[0] as OperationDefinitionNode;
      const coerced = getVariableValues(
        schema,
        operation.variableDefinitions ?? [],
        sentVariables(op),
      );
      expect({ kind: op.kind, errors: coerced.errors ?? [] }).toEqual({
        kind: op.kind,
        errors: [],
      });
    }
  });

  test('the same seed draws the same writes', () => {
    expect(writeOps(new Random(2), world, 2000, 'test', 8)).toEqual(ops);
  });

  test('a write signed by nobody, or by an editor of a project, may be refused for it', () => {
    for (const op of ops) {
      if (!op.signer.roles) expect(op.mayRefuse).toEqual(['UNAUTHENTICATED']);
      else if (op.signer.roles.includes('editor') && op.kind !== 'createProject') {
        expect(op.mayRefuse).toContain('FORBIDDEN');
      }
    }
    const created = ops.filter((op) => op.kind === 'createProject' && op.signer.entity);
    for (const op of created) {
      expect((op.variables.input as { leadEntity: string }).leadEntity).toBe(op.signer.entity);
    }
    expect(ops.some((op) => !op.signer.roles)).toBe(true);
  });

  test('signed writes of versioned rows may meet a conflict; some send a stale version', () => {
    for (const op of ops.filter((o) => o.version && o.signer.roles)) {
      expect(op.mayRefuse).toContain('CONFLICT');
    }
    expect(ops.some((op) => op.version?.stale)).toBe(true);
  });

  test('most writes go to the hot projects and recommendations', () => {
    const links = ops.filter((op) => op.kind === 'linkProjectRecommendations');
    const hotIds = links.flatMap((op) => op.variables.ids as string[]);
    const share = hotIds.filter((id) => world.hot.recommendations.includes(id)).length;
    expect(share / hotIds.length).toBeGreaterThan(0.5);
  });
});

describe('stormOps', () => {
  const storms = Array.from({ length: 30 }, (_, i) => stormOps(new Draw(new Random(i), world), 8));
  const funding = storms.filter(
    (storm) =>
      storm[0]?.kind === 'deleteProject' &&
      storm.slice(1).every((op) => op.kind === 'recordContribution'),
  );
  const coverage = storms.filter((storm) => !funding.includes(storm));

  test('every write of a coverage storm changes whether one recommendation is addressed', () => {
    expect(coverage.length).toBeGreaterThan(10);
    const linking = (id: string) =>
      data.funding.projects.find((p) => p.id === id)?.recommendationIds ?? [];
    for (const storm of coverage) {
      const target = storm
        .map((op) => op.variables.ids as string[] | undefined)
        .find((ids) => ids)?.[0];
      for (const op of storm) {
        if (op.kind.endsWith('ProjectRecommendations')) {
          expect(op.variables.ids).toEqual([target]);
        } else {
          expect(['updateProject(status)', 'deleteProject']).toContain(op.kind);
          const id = (op.variables.input as { id?: string } | undefined)?.id ?? op.variables.id;
          if (target) expect(linking(id as string)).toContain(target);
        }
      }
      const projects = storm.map(
        (op) =>
          op.variables.projectId ?? (op.variables.input as { id?: string })?.id ?? op.variables.id,
      );
      expect(new Set(projects).size).toBe(projects.length);
    }
  });

  test('a funding storm deletes a project while contributions to it are recorded', () => {
    expect(funding.length).toBeGreaterThan(0);
    for (const [deletion, ...contributions] of funding) {
      for (const op of contributions) {
        expect((op.variables.input as { projectId: string }).projectId).toBe(
          deletion!.variables.id,
        );
      }
    }
  });
});
