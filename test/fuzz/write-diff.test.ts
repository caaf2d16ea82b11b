import { describe as line, differences } from './write-diff';

describe('differences', () => {
  test('none between equal figures', () => {
    const figures = { a: { x: { n: 1, ids: ['p', 'q'] } }, b: 3 };
    expect(differences(figures, structuredClone(figures))).toEqual([]);
  });

  test('each differing value, named by its figure and keys', () => {
    const found = differences(
      { 'coverageSummary(REGION)': { AFRICA: { addressed: 3, unaddressed: 1 } }, total: 4 },
      { 'coverageSummary(REGION)': { AFRICA: { addressed: 4, unaddressed: 0 } }, total: 4 },
    );
    expect(found.map(line)).toEqual([
      'coverageSummary(REGION) › AFRICA › addressed: expected 3, got 4',
      'coverageSummary(REGION) › AFRICA › unaddressed: expected 1, got 0',
    ]);
  });

  test('a key on one side only', () => {
    const found = differences({ f: { NGA: 2 } }, { f: { FJI: 1 } });
    expect(found.map(line)).toEqual([
      'f › NGA: expected 2, got nothing',
      'f › FJI: expected nothing, got 1',
    ]);
  });

  test('a list: the ids missing and extra, or only the order', () => {
    const [changed] = differences({ ids: ['a', 'b', 'c'] }, { ids: ['a', 'd'] });
    expect(changed!.detail).toEqual({ missing: ['b', 'c'], extra: ['d'] });
    expect(line(changed!)).toBe('ids: expected 3, got 2: {"missing":["b","c"],"extra":["d"]}');
    const [reordered] = differences({ ids: ['a', 'b'] }, { ids: ['b', 'a'] });
    expect(reordered!.detail).toEqual({ order: 'differs' });
    const [repeated] = differences({ ids: ['a', 'b'] }, { ids: ['a', 'b', 'b'] });
    expect(repeated!.detail).toEqual({ repeats: 'differ' });
  });

  test('a figure the graph answered with errors instead', () => {
    const found = differences({ f: 1 }, { 'errors(FuzzOverview)': [{ message: 'boom' }] });
    expect(found.map((d) => d.figure)).toEqual(['f', 'errors(FuzzOverview)']);
  });
});
