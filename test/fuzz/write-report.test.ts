import type { Found } from './write-batch';
import { byWhatTheySay, perFigure, summaryLines } from './write-report';

const found: Found[] = [
  { batch: 2, kind: 'figure', figure: 'Appeal', caller: 'anyone', line: 'appeal' },
  { batch: 1, kind: 'figure', figure: 'coverageSummary(REGION)', caller: 'admin', line: 'sum' },
  {
    batch: 1,
    kind: 'figure',
    figure: 'unaddressedRecommendations',
    caller: 'admin',
    line: 'ids',
  },
  { batch: 1, kind: 'rows', line: 'rows' },
];

test('the findings that say most come first: by batch, rows, then the ids at fault', () => {
  expect([...found].sort(byWhatTheySay).map((f) => f.line)).toEqual([
    'rows',
    'ids',
    'sum',
    'appeal',
  ]);
});

test('per figure: how many, from which batch', () => {
  expect(perFigure(found)).toEqual([
    '  Appeal: 1, from batch 2',
    '  coverageSummary(REGION): 1, from batch 1',
    '  unaddressedRecommendations: 1, from batch 1',
    '  rows findings: 1, from batch 1',
  ]);
});

test("the summary tells the copy's differences from the others", () => {
  const lines = summaryLines({
    seed: 7,
    count: 10,
    batches: 3,
    seconds: 4,
    late: [],
    found,
    repeated: 0,
    tally: {},
  });
  expect(lines).toContain('batch 1 (FUZZ_SEED=7): rows');
  expect(lines).toContain(
    `4 differences: 2 in figures counted from assessments' copy of "addressed", 2 others`,
  );
});
