import { buildDataset } from '../../subgraphs/shared/src/dataset/build';
import { Priority } from '../../subgraphs/shared/src/vocabulary';
import { expectedDonorTrail, expectedStateNeeds } from '../helpers/expected';
import { expectedProjectLookup } from '../helpers/expected-lookups';
import { ANONYMOUS } from '../helpers/expected-overview';
import { useDataset } from '../helpers/seed';
import { expectedAddressedBy, expectedFor, expectedFunding, type Probe } from './write-expected';

/**
 * The write fuzzer's figures, on the seed installed as the model, agree with what the e2e
 * tests' helpers expect of the seed: the plumbing from the model to each figure holds.
 */
const data = buildDataset();
useDataset(data);
const probe: Probe = {
  groupBy: 'REGION',
  needs: {},
  need: { priority: Priority.HIGH, technicalAssistanceNeeded: true },
  statesOf: data.membership.memberStates.find((s) => s.iso3 === 'NGA')!.region,
  fundingGroupBy: 'APPEAL',
  projects: {},
};
const anonymous = expectedFor(ANONYMOUS, probe);
const funding = expectedFunding(probe);

test('coverage and unaddressed needs of a state, as question 2 expects them', () => {
  const { memberState } = expectedStateNeeds('NGA');
  const coverage = anonymous['Assessment.coverage(need)'] as Record<string, object>;
  for (const a of memberState.assessments) {
    expect(coverage[a.id]).toMatchObject(a.coverage);
  }
  const unaddressed = anonymous['MemberState.unaddressedRecommendations(need)'] as Record<
    string,
    string[]
  >;
  expect(unaddressed.NGA ?? []).toEqual(memberState.unaddressedRecommendations.map((r) => r.id));
});

test('each assessment adds up, and the assessments add up to the summary', () => {
  const coverage = Object.values(
    anonymous['Assessment.coverage'] as Record<string, Record<string, number>>,
  );
  const byPriority = Object.values(
    anonymous['coverageSummary(PRIORITY)'] as Record<string, Record<string, number>>,
  );
  const sum = (rows: Record<string, number>[], field: string) =>
    rows.reduce((total, row) => total + row[field]!, 0);
  for (const field of ['recommendations', 'addressed', 'unaddressed']) {
    expect(sum(coverage, field)).toBe(sum(byPriority, field));
  }
  expect((anonymous.unaddressedRecommendations as { totalCount: number }).totalCount).toBe(
    sum(coverage, 'unaddressed'),
  );
});

test("projects' and donors' money, as the lookups and question 4 expect it", () => {
  const projects = funding.Project as Record<string, { funded: string; fundingGap: string }>;
  for (const p of data.funding.projects.slice(0, 10)) {
    const { project } = expectedProjectLookup(p.code);
    expect(projects[p.id]).toEqual({
      funded: project.funded.amount,
      fundingGap: project.fundingGap.amount,
    });
  }
  const donors = funding['Donor.totalContributed'] as Record<string, string>;
  for (const d of data.funding.donors.slice(0, 10)) {
    expect(donors[d.id]).toBe(expectedDonorTrail(d.id).donor.totalContributed.amount);
  }
});

test("an appeal's funding is its projects' funding, as fundingSummary(APPEAL) has it", () => {
  const appeals = funding.Appeal as Record<string, { funded: string }>;
  const groups = funding['fundingSummary(APPEAL)'] as Record<string, { funded: string }>;
  for (const [id, group] of Object.entries(groups)) expect(appeals[id]!.funded).toBe(group.funded);
});

test('addressedBy lists, by code, the projects of any status linking the recommendation', () => {
  const addressedBy = expectedAddressedBy()['Recommendation.addressedBy'] as Record<
    string,
    string[]
  >;
  const links = data.funding.projects.reduce((n, p) => n + p.recommendationIds.length, 0);
  expect(Object.values(addressedBy).reduce((n, codes) => n + codes.length, 0)).toBe(links);
  for (const codes of Object.values(addressedBy)) expect(codes).toEqual([...codes].sort());
});
