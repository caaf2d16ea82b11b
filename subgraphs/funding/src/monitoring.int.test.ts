import { startWritableGraph, type TestGraph } from '../../../test/helpers/graph';
import { as } from '../../../test/helpers/tokens';

let graph: TestGraph & { databaseUrl: string };
beforeAll(async () => {
  graph = await startWritableGraph();
});
afterAll(() => graph?.stop());

const ADD_INDICATOR = `mutation ($input: AddIndicatorInput!, $key: String) {
  addIndicator(input: $input, idempotencyKey: $key) { id name unit baseline target version provenance { kind notes } }
}`;
const UPDATE_INDICATOR = `mutation ($input: UpdateIndicatorInput!) {
  updateIndicator(input: $input) { id name baseline target version }
}`;
const RECORD_MEASUREMENT = `mutation ($input: RecordMeasurementInput!, $key: String) {
  recordMeasurement(input: $input, idempotencyKey: $key) { id value measuredOn indicator { id } }
}`;
const RECORD_EVALUATION = `mutation ($input: RecordEvaluationInput!, $key: String) {
  recordEvaluation(input: $input, idempotencyKey: $key) { id rating version evaluator { acronym } }
}`;
const UPDATE_EVALUATION = `mutation ($input: UpdateEvaluationInput!) {
  updateEvaluation(input: $input) { id rating summary version evaluator { acronym } }
}`;
const MONITORING = `query ($id: ID!) {
  project(id: $id) {
    indicators {
      name unit baseline target version
      measurements { value measuredOn }
      latest { value measuredOn }
    }
    evaluations { completedOn rating summary version evaluator { acronym name } provenance { kind notes } }
  }
}`;

interface Created {
  id: string;
  version: number;
  [field: string]: unknown;
}

async function rows<T>(sql: string, parameters: unknown[] = []): Promise<T[]> {
  return graph.subgraphs.funding.db.query(sql, parameters);
}
async function count(sql: string, parameters: unknown[] = []): Promise<number> {
  return Number((await rows<{ n: string }>(sql, parameters))[0].n);
}
async function projectLedBy(lead: string) {
  const [row] = await rows<{ id: string }>(
    `SELECT id FROM funding.project WHERE lead_entity_acronym = $1 AND deleted_at IS NULL
      ORDER BY code LIMIT 1`,
    [lead],
  );
  return row.id;
}

let projectId: string;
let indicator: Created;
let evaluation: Created;
beforeAll(async () => {
  projectId = await projectLedBy('UNODC');
});

test('an editor of the lead adds an indicator and records measurements; they read back in date order', async () => {
  const editor = await as(['editor'], 'UNODC');
  const added = await graph.query<{ addIndicator: Created }>(
    ADD_INDICATOR,
    {
      input: {
        projectId,
        name: 'Border officers trained',
        unit: 'officers',
        baseline: '10',
        target: '120.5',
      },
    },
    { headers: editor },
  );
  expect(added.errors).toBeUndefined();
  indicator = added.data!.addIndicator;
  expect(indicator).toMatchObject({
    name: 'Border officers trained',
    baseline: '10.0000',
    target: '120.5000',
    version: 1,
    provenance: { kind: 'RECORDED', notes: null },
  });
  expect((indicator.provenance as { kind: string }).kind).not.toBe('SAMPLE');

  for (const [value, measuredOn] of [
    ['40', '2026-06-30'],
    ['25.25', '2026-03-31'],
  ]) {
    const recorded = await graph.query<{ recordMeasurement: Created }>(
      RECORD_MEASUREMENT,
      { input: { indicatorId: indicator.id, value, measuredOn } },
      { headers: editor },
    );
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordMeasurement.indicator).toEqual({ id: indicator.id });
  }

  const read = await graph.query<{ project: { indicators: unknown[] } }>(MONITORING, {
    id: projectId,
  });
  expect(read.data!.project.indicators).toEqual([
    {
      name: 'Border officers trained',
      unit: 'officers',
      baseline: '10.0000',
      target: '120.5000',
      version: 1,
      measurements: [
        { value: '25.2500', measuredOn: '2026-03-31' },
        { value: '40.0000', measuredOn: '2026-06-30' },
      ],
      latest: { value: '40.0000', measuredOn: '2026-06-30' },
    },
  ]);
});

test('retried addIndicator and recordMeasurement return the first result and write once', async () => {
  const admin = await as(['admin']);
  const input = { projectId, name: 'Cases referred for prosecution', unit: 'cases' };
  const key = 'add-indicator-retry-0001';
  const first = await graph.query<{ addIndicator: Created }>(
    ADD_INDICATOR,
    { input, key },
    { headers: admin },
  );
  const retry = await graph.query<{ addIndicator: Created }>(
    ADD_INDICATOR,
    { input, key },
    { headers: admin },
  );
  expect(first.errors).toBeUndefined();
  expect(retry.data?.addIndicator).toEqual(first.data?.addIndicator);
  expect(
    await count(`SELECT count(*) AS n FROM funding.indicator WHERE name = $1`, [input.name]),
  ).toBe(1);

  const measurement = {
    indicatorId: first.data!.addIndicator.id,
    value: '3',
    measuredOn: '2026-01-31',
  };
  const measureKey = 'record-measurement-retry-0001';
  const measured = await graph.query<{ recordMeasurement: Created }>(
    RECORD_MEASUREMENT,
    { input: measurement, key: measureKey },
    { headers: admin },
  );
  const measuredAgain = await graph.query<{ recordMeasurement: Created }>(
    RECORD_MEASUREMENT,
    { input: measurement, key: measureKey },
    { headers: admin },
  );
  expect(measuredAgain.data?.recordMeasurement).toEqual(measured.data?.recordMeasurement);
  expect(
    await count('SELECT count(*) AS n FROM funding.measurement WHERE indicator_id = $1', [
      measurement.indicatorId,
    ]),
  ).toBe(1);
  expect(
    await count(
      `SELECT count(*) AS n FROM funding.audit_log WHERE operation IN ('addIndicator', 'recordMeasurement')
         AND entity_id IN ($1, $2)`,
      [first.data!.addIndicator.id, measured.data!.recordMeasurement.id],
    ),
  ).toBe(2);
});

test('indicator changes need the version read and a name the project does not use yet', async () => {
  const editor = await as(['editor'], 'UNODC');
  const changed = await graph.query<{ updateIndicator: Created }>(
    UPDATE_INDICATOR,
    { input: { id: indicator.id, expectedVersion: 1, target: '150', baseline: null } },
    { headers: editor },
  );
  expect(changed.data?.updateIndicator).toEqual({
    id: indicator.id,
    name: 'Border officers trained',
    baseline: null,
    target: '150.0000',
    version: 2,
  });
  const stale = await graph.query(
    UPDATE_INDICATOR,
    { input: { id: indicator.id, expectedVersion: 1, target: '1' } },
    { headers: editor },
  );
  expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
  const duplicate = await graph.query(
    UPDATE_INDICATOR,
    { input: { id: indicator.id, expectedVersion: 2, name: 'Cases referred for prosecution' } },
    { headers: editor },
  );
  expect(duplicate.errors?.[0].extensions?.code).toBe('CONFLICT');
  expect(
    await rows('SELECT name, target, version FROM funding.indicator WHERE id = $1', [indicator.id]),
  ).toEqual([{ name: 'Border officers trained', target: '150.0000', version: 2 }]);

  const invalid = await graph.query(
    RECORD_MEASUREMENT,
    { input: { indicatorId: indicator.id, value: '1.23456', measuredOn: '2026-07-31' } },
    { headers: editor },
  );
  expect(invalid.errors?.[0].extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    fields: [{ field: 'value' }],
  });
});

test('an evaluation reads back with its evaluator resolved by membership, and can be corrected', async () => {
  const editor = await as(['editor'], 'UNODC');
  const recorded = await graph.query<{ recordEvaluation: Created }>(
    RECORD_EVALUATION,
    {
      input: {
        projectId,
        completedOn: '2026-09-30',
        rating: 'MODERATELY_SATISFACTORY',
        summary: 'Training reached its targets; follow-up mentoring was too thin.',
        evaluator: 'UNOCT',
      },
      key: 'record-evaluation-0001',
    },
    { headers: editor },
  );
  expect(recorded.errors).toBeUndefined();
  evaluation = recorded.data!.recordEvaluation;
  expect(evaluation).toMatchObject({ version: 1, evaluator: { acronym: 'UNOCT' } });

  const corrected = await graph.query<{ updateEvaluation: Created }>(
    UPDATE_EVALUATION,
    { input: { id: evaluation.id, expectedVersion: 1, rating: 'SATISFACTORY' } },
    { headers: editor },
  );
  expect(corrected.data?.updateEvaluation).toMatchObject({ rating: 'SATISFACTORY', version: 2 });

  const read = await graph.query<{ project: { evaluations: unknown[] } }>(MONITORING, {
    id: projectId,
  });
  expect(read.data!.project.evaluations).toEqual([
    {
      completedOn: '2026-09-30',
      rating: 'SATISFACTORY',
      summary: 'Training reached its targets; follow-up mentoring was too thin.',
      version: 2,
      evaluator: { acronym: 'UNOCT', name: 'United Nations Office of Counter-Terrorism' },
      provenance: { kind: 'RECORDED', notes: null },
    },
  ]);

  const stale = await graph.query(
    UPDATE_EVALUATION,
    { input: { id: evaluation.id, expectedVersion: 1, summary: 'A summary that is lost.' } },
    { headers: editor },
  );
  expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
});

test('an evaluator unknown to membership is refused, naming it, and nothing is stored', async () => {
  const before = await count('SELECT count(*) AS n FROM funding.evaluation');
  const result = await graph.query(
    RECORD_EVALUATION,
    {
      input: {
        projectId,
        completedOn: '2026-10-31',
        rating: 'UNSATISFACTORY',
        summary: 'An evaluation by an entity that does not exist.',
        evaluator: 'NOBODY',
      },
    },
    { headers: await as(['admin']) },
  );
  expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(result.errors?.[0].message).toContain('NOBODY');
  const update = await graph.query(
    UPDATE_EVALUATION,
    { input: { id: evaluation.id, expectedVersion: 2, evaluator: 'NOBODY' } },
    { headers: await as(['admin']) },
  );
  expect(update.errors?.[0].message).toContain('NOBODY');
  expect(await count('SELECT count(*) AS n FROM funding.evaluation')).toBe(before);
  expect(
    await rows(
      'SELECT evaluator_entity_acronym AS e, version FROM funding.evaluation WHERE id = $1',
      [evaluation.id],
    ),
  ).toEqual([{ e: 'UNOCT', version: 2 }]);
});

test('an editor of another entity may not monitor or evaluate the project; nothing is stored', async () => {
  const other = await as(['editor'], 'UNDP');
  const counts = () =>
    Promise.all(
      ['indicator', 'measurement', 'evaluation'].map((table) =>
        count(`SELECT count(*) AS n FROM funding.${table}`),
      ),
    );
  const before = await counts();
  const attempts = await Promise.all([
    graph.query(
      ADD_INDICATOR,
      { input: { projectId, name: 'Not theirs', unit: 'units' } },
      { headers: other },
    ),
    graph.query(
      RECORD_MEASUREMENT,
      { input: { indicatorId: indicator.id, value: '999', measuredOn: '2026-12-31' } },
      { headers: other },
    ),
    graph.query(
      UPDATE_INDICATOR,
      { input: { id: indicator.id, expectedVersion: 2, target: '1' } },
      { headers: other },
    ),
    graph.query(
      RECORD_EVALUATION,
      {
        input: {
          projectId,
          completedOn: '2026-12-31',
          rating: 'HIGHLY_UNSATISFACTORY',
          summary: 'Written by someone who may not.',
        },
      },
      { headers: other },
    ),
    graph.query(
      UPDATE_EVALUATION,
      { input: { id: evaluation.id, expectedVersion: 2, rating: 'UNSATISFACTORY' } },
      { headers: other },
    ),
  ]);
  expect(attempts.map((a) => a.errors?.[0].extensions?.code)).toEqual(Array(5).fill('FORBIDDEN'));
  expect(await counts()).toEqual(before);
  expect(await rows('SELECT version FROM funding.indicator WHERE id = $1', [indicator.id])).toEqual(
    [{ version: 2 }],
  );
});

test('the audit log shows every monitoring and evaluation write', async () => {
  const query = `query ($type: String!) {
    fundingAuditLog(filter: { entityType: $type }) { edges { node { operation entityId } } }
  }`;
  const admin = await as(['admin']);
  const operations = async (type: string) => {
    const result = await graph.query<{
      fundingAuditLog: { edges: { node: { operation: string; entityId: string } }[] };
    }>(query, { type }, { headers: admin });
    return result.data!.fundingAuditLog.edges.map((e) => e.node.operation);
  };
  expect(await operations('Indicator')).toEqual([
    'updateIndicator',
    'addIndicator',
    'addIndicator',
  ]);
  expect(await operations('Measurement')).toEqual([
    'recordMeasurement',
    'recordMeasurement',
    'recordMeasurement',
  ]);
  expect(await operations('Evaluation')).toEqual(['updateEvaluation', 'recordEvaluation']);
});
