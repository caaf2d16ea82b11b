import type { Dataset } from '../../subgraphs/shared/src/dataset/rows';

/**
 * The values a generated operation's arguments are drawn from: the seed's own keys, so lookups
 * find something, with a share of values that exist nowhere, so lookups of unknown ids are
 * exercised too. Cursors are added as answers bring them.
 */
export interface Pools {
  /** Ids by the type they identify ("Project", "Assessment"…). */
  ids: Record<string, string[]>;
  iso3: string[];
  acronyms: string[];
  projectCodes: string[];
  thematicCodes: string[];
  symbols: string[];
  words: string[];
  years: number[];
  pageSizes: number[];
  cursors: string[];
}

const UNKNOWN_ID = '00000000-0000-7000-8000-000000000000';

export function poolsOf(data: Dataset): Pools {
  const { membership, assessments, funding } = data;
  const pick = <T>(rows: T[], n: number) =>
    rows.filter((_, i) => i % Math.ceil(rows.length / n) === 0);
  return {
    ids: {
      Entity: [...pick(membership.entities, 6).map((e) => e.id), UNKNOWN_ID],
      WorkingGroup: [...pick(membership.workingGroups, 4).map((w) => w.id), UNKNOWN_ID],
      Assessment: [...pick(assessments.assessments, 8).map((a) => a.id), UNKNOWN_ID, 'not-an-id'],
      Recommendation: [...pick(assessments.recommendations, 8).map((r) => r.id), UNKNOWN_ID],
      Project: [...pick(funding.projects, 8).map((p) => p.id), UNKNOWN_ID],
      Programme: [...pick(funding.programmes, 4).map((p) => p.id), UNKNOWN_ID],
      Appeal: [...funding.appeals.map((a) => a.id), UNKNOWN_ID],
      Donor: [...pick(funding.donors, 6).map((d) => d.id), UNKNOWN_ID],
      Contribution: [...pick(funding.contributions, 4).map((c) => c.id), UNKNOWN_ID],
    },
    iso3: [
      ...new Set([
        ...assessments.assessments.slice(0, 6).map((a) => a.memberStateIso3),
        ...funding.projects.slice(0, 4).flatMap((p) => p.beneficiaryStateIso3s.slice(0, 1)),
        'NGA',
        'FJI',
      ]),
      'XXX',
      'nga',
    ],
    acronyms: [...pick(membership.entities, 8).map((e) => e.acronym), 'CTED', 'NOPE'],
    projectCodes: [...pick(funding.projects, 8).map((p) => p.code), 'CGC-0000-0000'],
    thematicCodes: [...pick(assessments.thematicAreas, 5).map((t) => t.code), 'NONE'],
    symbols: [...pick(assessments.resolutions, 4).map((r) => r.symbol), 'S/RES/0000(1900)'],
    words: [
      'border',
      'terrorism financing',
      '"soft targets"',
      'prison -women',
      'cyber or aviation',
      '',
    ],
    years: [2015, 2019, 2021, 2024],
    pageSizes: [1, 2, 3, 5, 20, 100],
    cursors: ['bm90LWEtY3Vyc29y'],
  };
}

/** Adds the cursors an answer carries, for later operations' `after`. */
export function collectCursors(pools: Pools, value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) collectCursors(pools, item);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if ((key === 'endCursor' || key === 'cursor') && typeof item === 'string') {
        if (!pools.cursors.includes(item) && pools.cursors.length < 200) pools.cursors.push(item);
      } else collectCursors(pools, item);
    }
  }
}
