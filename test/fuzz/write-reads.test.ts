import { buildDataset } from '../../subgraphs/shared/src/dataset/build';
import { Random } from '../../subgraphs/shared/src/dataset/random';
import { hotSet } from './write-generator';
import { readOps, type ReadOp } from './write-reads';

const data = buildDataset();
const world = { data, deletedProjects: [], hot: hotSet(new Random(1), data) };
const reads = readOps(new Random(5), world, [{ name: 'anonymous', roles: null }], 400);
const first = (name: string): ReadOp => reads.find((r) => r.name.startsWith(name))!;
const money = (amount: string) => ({ amount });

describe('reads between writes hold together or say why not', () => {
  test('coverage that does not add up', () => {
    const read = first('coverageSummary');
    const group = { key: 'AFRICA', recommendations: 5, addressed: 2, unaddressed: 3 };
    expect(read.check({ coverageSummary: [group] })).toEqual([]);
    expect(read.check({ coverageSummary: [{ ...group, addressed: 3 }] })).toHaveLength(1);
  });

  test('a gap that is not the budget less the funding, never below zero', () => {
    const read = first('Project.fundingGap');
    const project = { budget: money('10.00'), funded: money('12.50'), fundingGap: money('0.00') };
    expect(read.check({ project })).toEqual([]);
    expect(read.check({ project: { ...project, fundingGap: money('-2.50') } })).toHaveLength(1);
    expect(read.check({ project: null })).toEqual([]);
  });

  test('an id twice, a page longer than asked, projects out of order', () => {
    const page = first('unaddressedRecommendations');
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'].slice(0, page.variables.n as number);
    const edges = (list: string[]) => list.map((id) => ({ node: { id } }));
    expect(
      page.check({ unaddressedRecommendations: { totalCount: 9, edges: edges(ids) } }),
    ).toEqual([]);
    const twice = edges([...ids, ids[0]!]);
    expect(page.check({ unaddressedRecommendations: { totalCount: 9, edges: twice } })).not.toEqual(
      [],
    );
    const addressedBy = first('Recommendation.addressedBy');
    const codes = (list: string[]) => ({
      recommendation: { addressedBy: list.map((code) => ({ code })) },
    });
    expect(addressedBy.check(codes(['A', 'B']))).toEqual([]);
    expect(addressedBy.check(codes(['B', 'A']))).toHaveLength(1);
  });

  test('every kind of read is drawn, each as one of the callers', () => {
    const kinds = new Set(reads.map((r) => r.name.replace(/\(.*\)$/, '')));
    expect(kinds.size).toBe(8);
    expect(reads.every((r) => r.caller.name === 'anonymous')).toBe(true);
  });
});
