import type * as BuildModule from './build';
import { validate, version } from 'uuid';
import facts from '../../data/compact-facts.json';
import {
  AssessmentStatus,
  Confidentiality,
  ContributionStatus,
  DonorKind,
  ProvenanceKind,
} from '../vocabulary';
import { buildDataset, memberStates } from './build';
import { DEFAULT_ID_DATE, stableId } from './ids';
import { Random } from './random';
import type { Dataset, ProvenanceRow } from './rows';

const MONEY = /^\d+\.\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => seen.has(v) || !seen.add(v));
}

function unknown(
  values: readonly (string | null)[],
  known: ReadonlySet<string>,
): (string | null)[] {
  return values.filter((v) => v === null || !known.has(v));
}

function cents(amount: string): number {
  const [units, fraction] = amount.split('.');
  return Number(units) * 100 + Number(fraction);
}

/** The date a UUID v7 carries in its first 48 bits. */
function idDate(id: string): string {
  return new Date(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toISOString().slice(0, 10);
}

function provenanceRows(data: Dataset): ProvenanceRow[] {
  const { membership, assessments, funding } = data;
  return [
    ...membership.entities,
    ...membership.workingGroups,
    ...membership.workingGroupMemberships,
    ...membership.committeeSeats,
    ...assessments.thematicAreas,
    ...assessments.resolutions,
    ...assessments.assessments,
    ...assessments.recommendations,
    ...Object.values(funding).flat(),
  ];
}

function addressedCounts(data: Dataset): Map<string, number> {
  const counts = new Map<string, number>();
  for (const project of data.funding.projects) {
    for (const id of project.recommendationIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

describe.each([1, 10])('buildDataset at scale %i', (scale) => {
  const data = buildDataset({ scale });
  const { membership, assessments, funding } = data;
  const acronyms = membership.entities.map((e) => e.acronym);
  const iso3s = membership.memberStates.map((s) => s.iso3);
  const areaCodes = assessments.thematicAreas.map((a) => a.code);
  const ids = <T extends { id: string }>(rows: T[]) => new Set(rows.map((row) => row.id));
  const known = {
    acronyms: new Set(acronyms),
    iso3s: new Set(iso3s),
    areaCodes: new Set(areaCodes),
    symbols: new Set(assessments.resolutions.map((r) => r.symbol)),
    entities: ids(membership.entities),
    workingGroups: ids(membership.workingGroups),
    assessments: ids(assessments.assessments),
    recommendations: ids(assessments.recommendations),
    programmes: ids(funding.programmes),
    appeals: ids(funding.appeals),
    donors: ids(funding.donors),
    projects: ids(funding.projects),
  };

  test('has the documented sizes', () => {
    expect(membership.entities.length).toBeGreaterThanOrEqual(40);
    expect(acronyms).toEqual(expect.arrayContaining(facts.entities.map((e) => e.acronym)));
    expect(membership.memberStates).toHaveLength(193);
    expect(membership.workingGroups).toHaveLength(facts.workingGroups.length);
    expect(assessments.resolutions).toHaveLength(facts.resolutions.length);
    expect(assessments.thematicAreas).toHaveLength(facts.thematicAreas.length);
    expect(assessments.assessments).toHaveLength(30 * scale);
    expect(assessments.recommendations).toHaveLength(150 * scale);
    expect(funding.programmes).toHaveLength(facts.programmes.length);
    expect(funding.appeals.length).toBeGreaterThanOrEqual(2);
    expect(funding.donors).toHaveLength(facts.donors.length);
    expect(funding.projects).toHaveLength(80 * scale);
    expect(funding.contributions).toHaveLength(200 * scale);
  });

  test('every reference points at an existing row', () => {
    const memberships = membership.workingGroupMemberships;
    expect(
      unknown(
        memberships.map((m) => m.workingGroupId),
        known.workingGroups,
      ),
    ).toEqual([]);
    expect(
      unknown(
        memberships.map((m) => m.entityId),
        known.entities,
      ),
    ).toEqual([]);
    expect(
      unknown(
        membership.committeeSeats.map((s) => s.entityId),
        known.entities,
      ),
    ).toEqual([]);
    for (const a of assessments.assessments) {
      expect(unknown([a.memberStateIso3], known.iso3s)).toEqual([]);
      expect(
        unknown([a.leadEntityAcronym, ...a.participatingEntityAcronyms], known.acronyms),
      ).toEqual([]);
      expect(unknown(a.resolutionSymbols, known.symbols)).toEqual([]);
      expect(unknown(a.thematicAreaCodes, known.areaCodes)).toEqual([]);
    }
    const byId = new Map(assessments.assessments.map((a) => [a.id, a]));
    for (const r of assessments.recommendations) {
      expect(byId.get(r.assessmentId)?.thematicAreaCodes).toContain(r.thematicAreaCode);
    }
    expect(
      unknown(
        funding.programmes.map((p) => p.leadEntityAcronym),
        known.acronyms,
      ),
    ).toEqual([]);
    for (const d of funding.donors) {
      expect(d.memberStateIso3 !== null).toBe(d.kind === DonorKind.MEMBER_STATE);
      if (d.memberStateIso3) expect(unknown([d.memberStateIso3], known.iso3s)).toEqual([]);
    }
    for (const p of funding.projects) {
      expect(unknown([p.leadEntityAcronym, ...p.partnerEntityAcronyms], known.acronyms)).toEqual(
        [],
      );
      expect(unknown(p.beneficiaryStateIso3s, known.iso3s)).toEqual([]);
      expect(unknown(p.thematicAreaCodes, known.areaCodes)).toEqual([]);
      if (p.programmeId) expect(unknown([p.programmeId], known.programmes)).toEqual([]);
      if (p.appealId) expect(unknown([p.appealId], known.appeals)).toEqual([]);
      expect(unknown(p.recommendationIds, known.recommendations)).toEqual([]);
      expect(unknown(p.assessmentIds, known.assessments)).toEqual([]);
    }
    for (const c of funding.contributions) {
      expect(unknown([c.donorId], known.donors)).toEqual([]);
      if (c.projectId) {
        expect(unknown([c.projectId], known.projects)).toEqual([]);
        expect(c.programmeId).toBeNull();
      } else {
        expect(unknown([c.programmeId], known.programmes)).toEqual([]);
      }
    }
  });

  test('has no duplicate keys, and every id is a UUID v7', () => {
    const allIds = [
      ...membership.entities,
      ...membership.workingGroups,
      ...assessments.assessments,
      ...assessments.recommendations,
      ...funding.programmes,
      ...funding.appeals,
      ...funding.donors,
      ...funding.projects,
      ...funding.contributions,
    ].map((row) => row.id);
    expect(duplicates(allIds)).toEqual([]);
    expect(allIds.filter((id) => !validate(id) || version(id) !== 7)).toEqual([]);
    expect(duplicates(acronyms)).toEqual([]);
    expect(duplicates(iso3s)).toEqual([]);
    expect(duplicates(areaCodes)).toEqual([]);
    expect(duplicates(assessments.resolutions.map((r) => r.symbol))).toEqual([]);
    expect(duplicates(funding.projects.map((p) => p.code))).toEqual([]);
    const memberships = membership.workingGroupMemberships;
    expect(duplicates(memberships.map((m) => `${m.workingGroupId}/${m.entityId}`))).toEqual([]);
    expect(duplicates(membership.committeeSeats.map((s) => `${s.entityId}/${s.role}`))).toEqual([]);
    expect(
      duplicates(assessments.recommendations.map((r) => `${r.assessmentId}#${r.number}`)),
    ).toEqual([]);
    expect(areaCodes.filter((code) => !/^[A-Z][A-Z_]{0,31}$/.test(code))).toEqual([]);
  });

  test('keeps the per-row limits', () => {
    const perAssessment = new Map<string, number[]>();
    for (const r of assessments.recommendations) {
      perAssessment.set(r.assessmentId, [...(perAssessment.get(r.assessmentId) ?? []), r.number]);
    }
    for (const a of assessments.assessments) {
      const numbers = perAssessment.get(a.id) ?? [];
      expect(numbers.length).toBeGreaterThanOrEqual(3);
      expect(numbers.length).toBeLessThanOrEqual(8);
      expect([...numbers].sort((x, y) => x - y)).toEqual(numbers.map((_, i) => i + 1));
      expect(a.leadEntityAcronym).toBe('CTED');
      expect(a.participatingEntityAcronyms.length).toBeLessThanOrEqual(4);
      expect(a.participatingEntityAcronyms).not.toContain('CTED');
    }
    for (const p of funding.projects) {
      expect(p.recommendationIds.length).toBeLessThanOrEqual(5);
      expect(p.assessmentIds.length).toBeLessThanOrEqual(3);
      expect(p.partnerEntityAcronyms.length).toBeLessThanOrEqual(3);
      expect(p.partnerEntityAcronyms).not.toContain(p.leadEntityAcronym);
      expect(p.beneficiaryStateIso3s.length).toBeGreaterThanOrEqual(1);
      expect(p.beneficiaryStateIso3s.length).toBeLessThanOrEqual(4);
      expect(p.thematicAreaCodes.length).toBeGreaterThanOrEqual(1);
      expect(p.thematicAreaCodes.length).toBeLessThanOrEqual(3);
      for (const list of [p.recommendationIds, p.assessmentIds, p.partnerEntityAcronyms]) {
        expect(duplicates(list)).toEqual([]);
      }
      expect(duplicates([...p.beneficiaryStateIso3s, ...p.thematicAreaCodes])).toEqual([]);
      expect(p.code).toMatch(new RegExp(`^CGC-${p.startsOn.slice(0, 4)}-\\d{4}$`));
    }
  });

  test('leaves 35–50% of recommendations unaddressed, and addresses some twice', () => {
    const counts = addressedCounts(data);
    const unaddressed = assessments.recommendations.filter((r) => !counts.has(r.id)).length;
    expect(unaddressed / assessments.recommendations.length).toBeGreaterThanOrEqual(0.35);
    expect(unaddressed / assessments.recommendations.length).toBeLessThanOrEqual(0.5);
    expect([...counts.values()].some((n) => n >= 2)).toBe(true);
  });

  test("mostly addresses recommendations from the project's states and areas", () => {
    const recById = new Map(assessments.recommendations.map((r) => [r.id, r]));
    const stateOf = new Map(assessments.assessments.map((a) => [a.id, a.memberStateIso3]));
    const links = funding.projects.flatMap((p) =>
      p.recommendationIds.map((id) => {
        const r = recById.get(id)!;
        return (
          p.beneficiaryStateIso3s.includes(stateOf.get(r.assessmentId)!) &&
          p.thematicAreaCodes.includes(r.thematicAreaCode)
        );
      }),
    );
    expect(links.filter(Boolean).length / links.length).toBeGreaterThan(0.8);
  });

  test('gives NGA and BEL a public assessment, and recent assessments no adopted report', () => {
    const isPublic = (iso3: string) =>
      assessments.assessments.some(
        (a) => a.memberStateIso3 === iso3 && a.confidentiality === Confidentiality.PUBLIC,
      );
    expect(isPublic('NGA') && isPublic('BEL')).toBe(true);
    const wrongStatus = assessments.assessments.filter(
      (a) => (a.status === AssessmentStatus.REPORT_ADOPTED) !== a.startedOn < '2024',
    );
    expect(wrongStatus).toEqual([]);
  });

  test('labels provenance: fact rows keep their source, all other rows are sample or inferred', () => {
    const factSources = new Set(
      [
        ...facts.entities,
        ...facts.workingGroups,
        ...facts.resolutions,
        ...facts.thematicAreas,
        ...facts.assessmentVisits,
        ...facts.programmes,
        ...facts.donors,
      ].map((fact) => fact.source),
    );
    for (const row of provenanceRows(data)) {
      expect(Object.values(ProvenanceKind)).toContain(row.provenance);
      if (row.provenance === ProvenanceKind.SOURCED) expect(factSources).toContain(row.source);
      if (row.provenance === ProvenanceKind.SAMPLE) expect(row.source).toBeNull();
    }
    for (const fact of facts.entities) {
      const row = membership.entities.find((e) => e.acronym === fact.acronym);
      expect(row?.source).toBe(fact.source);
      expect(row?.provenance).toBe('inferred' in fact ? 'INFERRED' : 'SOURCED');
    }
    for (const fact of facts.assessmentVisits) {
      const row = assessments.assessments.find(
        (a) => a.memberStateIso3 === fact.countryIso3 && a.endedOn?.startsWith(`${fact.year}`),
      );
      expect(row?.source).toBe(fact.source);
    }
    for (const fact of facts.donors) {
      expect(funding.donors.find((d) => d.name === fact.name)?.source).toBe(fact.source);
    }
    const sourcedEntities = new Set(facts.entities.map((e) => e.acronym));
    const others = membership.entities.filter((e) => !sourcedEntities.has(e.acronym));
    const samples = [
      ...others,
      ...assessments.assessments.filter((a) => a.source === null),
      ...assessments.recommendations,
      ...funding.projects,
      ...funding.contributions,
    ];
    expect(samples.filter((r) => r.provenance === ProvenanceKind.SOURCED)).toEqual([]);
    expect(assessments.assessments.filter((a) => a.source !== null)).toHaveLength(
      facts.assessmentVisits.length,
    );
  });

  test('writes money as exact decimals and keeps contributions within budgets', () => {
    const amounts = [
      ...funding.projects.map((p) => p.budget),
      ...funding.contributions.map((c) => c.amount),
      ...funding.appeals.map((a) => a.requested),
    ];
    expect(amounts.filter((a) => !MONEY.test(a))).toEqual([]);
    for (const p of funding.projects) {
      expect(cents(p.budget)).toBeGreaterThanOrEqual(15_000_000);
      expect(cents(p.budget)).toBeLessThanOrEqual(1_200_000_000);
    }
    const funded = new Map<string, number>();
    for (const c of funding.contributions) {
      expect(cents(c.amount)).toBeGreaterThan(0);
      if (c.projectId) funded.set(c.projectId, (funded.get(c.projectId) ?? 0) + cents(c.amount));
    }
    const gaps = funding.projects.map((p) => cents(p.budget) - (funded.get(p.id) ?? 0));
    expect(gaps.filter((gap) => gap < 0)).toEqual([]);
    expect(funding.projects.some((p, i) => gaps[i] === 0)).toBe(true);
    expect(funding.projects.some((p) => !funded.has(p.id))).toBe(true);
    expect(funding.projects.some((p, i) => funded.has(p.id) && gaps[i] > 0)).toBe(true);
    expect(funding.contributions.some((c) => c.projectId === null)).toBe(true);
  });

  test('keeps dates consistent, and ids carry the row date', () => {
    const projects = new Map(funding.projects.map((p) => [p.id, p]));
    const started = new Map(assessments.assessments.map((a) => [a.id, a.startedOn]));
    for (const a of assessments.assessments) {
      expect(a.startedOn).toMatch(DATE);
      if (a.endedOn) expect(a.endedOn >= a.startedOn).toBe(true);
      expect(idDate(a.id)).toBe(a.startedOn);
    }
    for (const r of assessments.recommendations)
      expect(idDate(r.id)).toBe(started.get(r.assessmentId));
    for (const p of funding.projects) {
      if (p.endsOn) expect(p.endsOn >= p.startsOn).toBe(true);
      expect(idDate(p.id)).toBe(p.startsOn);
    }
    for (const c of funding.contributions) {
      expect(idDate(c.id)).toBe(c.pledgedOn);
      expect(c.receivedOn === null).toBe(c.status === ContributionStatus.PLEDGED);
      if (c.receivedOn) expect(c.receivedOn > c.pledgedOn).toBe(true);
      const project = c.projectId ? projects.get(c.projectId) : undefined;
      if (project) {
        expect(c.pledgedOn >= project.startsOn).toBe(true);
        if (project.endsOn) expect(c.pledgedOn <= project.endsOn).toBe(true);
      }
    }
  });
});

describe('determinism', () => {
  test('a build in a fresh module registry deep-equals the memoised one', () => {
    let fresh: Dataset | undefined;
    jest.isolateModules(() => {
      fresh = jest.requireActual<typeof BuildModule>('./build').buildDataset({ scale: 2 });
    });
    const memoised = buildDataset({ scale: 2 });
    expect(fresh).not.toBe(memoised);
    expect(fresh).toEqual(memoised);
    expect(buildDataset()).toBe(buildDataset({ scale: 1 }));
  });

  test('refuses a scale that is not a positive integer', () => {
    for (const scale of [0, -1, 1.5, Number.NaN]) {
      expect(() => buildDataset({ scale })).toThrow(RangeError);
    }
  });

  test('stableId is stable, distinct per key, and carries its date', () => {
    expect(stableId('project', 'CGC-2020-0001', '2020-05-01')).toBe(
      stableId('project', 'CGC-2020-0001', '2020-05-01'),
    );
    expect(stableId('project', 'a')).not.toBe(stableId('project', 'b'));
    expect(stableId('project', 'a')).not.toBe(stableId('assessment', 'a'));
    expect(idDate(stableId('project', 'a', '2020-05-01'))).toBe('2020-05-01');
    expect(idDate(stableId('project', 'a'))).toBe(DEFAULT_ID_DATE);
    expect(version(stableId('project', 'a'))).toBe(7);
    expect(stableId('x', 'a', '2019-01-01') < stableId('x', 'a', '2020-01-01')).toBe(true);
    expect(() => stableId('x', 'a', '1 May 2020')).toThrow(RangeError);
  });

  test('Random repeats its sequence for a seed', () => {
    const draw = (seed: string) => {
      const rng = new Random(seed);
      return [rng.next(), rng.int(1, 6), rng.sample([1, 2, 3, 4, 5], 3)];
    };
    expect(draw('seed')).toEqual(draw('seed'));
    expect(draw('seed')).not.toEqual(draw('other'));
  });
});

test('memberStates holds the 193 UN Member States, sorted, without the Holy See', () => {
  const states = memberStates();
  const iso3s = states.map((s) => s.iso3);
  expect(states).toHaveLength(193);
  expect(iso3s).toEqual([...iso3s].sort());
  expect(iso3s).not.toContain('VAT');
  expect(duplicates(iso3s)).toEqual([]);
});

test('builds the benchmark scale 100', () => {
  const data = buildDataset({ scale: 100 });
  expect(data.assessments.recommendations).toHaveLength(15_000);
  expect(data.funding.contributions).toHaveLength(20_000);
});
