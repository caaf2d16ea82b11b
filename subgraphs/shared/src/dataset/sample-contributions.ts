import { ContributionStatus, ProjectStatus, ProvenanceKind } from '../vocabulary';
import { addDays, maxDate, minDate, randomDate, yearOf } from './dates';
import { AS_OF, COMPACT_SIGNED_ON, type FactDonor } from './facts';
import { stableId } from './ids';
import { formatCents, parseCents, randomCents } from './money';
import type { Random } from './random';
import type { ContributionRow, ProgrammeRow, ProjectRow } from './rows';

const CONTRIBUTIONS_PER_SCALE = 200;
const PROJECT_SHARE = 0.85;
const NOTE = 'Sample data: an illustrative contribution, not a reported one.';

/** Relative weight of each donor, after what the facts say they gave; others weigh 1. */
const DONOR_WEIGHTS: Record<string, number> = {
  'Kingdom of Saudi Arabia': 30,
  'State of Qatar': 25,
  'United States of America': 12,
  'European Union': 12,
  Norway: 5,
  'United Kingdom': 5,
  "People's Republic of China": 5,
  Spain: 4,
  Germany: 4,
  'Republic of Korea': 3,
  Sweden: 3,
  Denmark: 3,
  Netherlands: 3,
  Switzerland: 3,
  France: 3,
  'UNDP Multi-Partner Trust Fund': 3,
};

type Funding = 'full' | 'partial' | 'none';
const FUNDING: Partial<Record<ProjectStatus, Record<Funding, number>>> = {
  [ProjectStatus.COMPLETED]: { full: 35, partial: 55, none: 10 },
  [ProjectStatus.ACTIVE]: { full: 15, partial: 65, none: 20 },
  [ProjectStatus.CANCELLED]: { full: 0, partial: 40, none: 60 },
};

interface Target {
  project: ProjectRow | null;
  programmeId: string | null;
  from: string;
  to: string;
}

/** Splits `total` cents into `n` positive parts with the given weights; they add up exactly. */
function split(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.max(1, Math.floor((total * w) / sum)));
  parts[parts.length - 1] = total - parts.slice(0, -1).reduce((a, b) => a + b, 0);
  return parts;
}

/** How many contributions each funded project gets: one each, the rest by budget. */
function spread(rng: Random, projects: ProjectRow[], total: number): number[] {
  if (projects.length === 0) return [];
  const counts = projects.map(() => 1);
  const extra = total - projects.length;
  const weights = projects.map((p) => parseCents(p.budget) * (0.5 + rng.next()));
  const sum = weights.reduce((a, b) => a + b, 0);
  weights.forEach((w, i) => (counts[i] += Math.floor((extra * w) / sum)));
  for (let left = total - counts.reduce((a, b) => a + b, 0); left > 0; left--) {
    counts[rng.int(0, counts.length - 1)]++;
  }
  return counts;
}

export function buildContributions(
  rng: Random,
  scale: number,
  projects: ProjectRow[],
  programmes: ProgrammeRow[],
  donors: FactDonor[],
): ContributionRow[] {
  const rows: ContributionRow[] = [];
  const weightOf = (d: FactDonor) => DONOR_WEIGHTS[d.row.name] ?? 1;

  function contribute(target: Target, cents: number, donor: FactDonor, earmarkedShare: number) {
    const pledgedOn = randomDate(rng, target.from, target.to);
    const received = rng.chance(0.7) && addDays(pledgedOn, 14) <= AS_OF;
    const key = `${donor.row.name}/${target.project?.code ?? target.programmeId}/${rows.length}`;
    rows.push({
      id: stableId('contribution', key, pledgedOn),
      donorId: donor.row.id,
      projectId: target.project?.id ?? null,
      programmeId: target.programmeId,
      amount: formatCents(cents),
      currency: 'USD',
      status: received ? ContributionStatus.RECEIVED : ContributionStatus.PLEDGED,
      pledgedOn,
      receivedOn: received
        ? randomDate(rng, addDays(pledgedOn, 14), minDate(addDays(pledgedOn, 180), AS_OF))
        : null,
      earmarked: rng.chance(earmarkedShare),
      provenance: ProvenanceKind.SAMPLE,
      source: null,
      notes: NOTE,
    });
  }

  /** A donor that was already giving in `year` (the facts date some donors' first year). */
  function donorIn(year: number): FactDonor {
    const active = donors.filter((d) => d.since === null || d.since <= year);
    return rng.weightedItem(active, active.map(weightOf));
  }

  const total = CONTRIBUTIONS_PER_SCALE * scale;
  const toProjects = Math.round(total * PROJECT_SHARE);
  const funded: [ProjectRow, Funding][] = [];
  for (const project of projects) {
    const weights = FUNDING[project.status];
    const funding = weights ? rng.weighted(weights) : 'none';
    if (funding !== 'none' && funded.length < toProjects) funded.push([project, funding]);
  }
  const counts = spread(
    rng,
    funded.map(([p]) => p),
    toProjects,
  );
  funded.forEach(([project, funding], i) => {
    const budget = parseCents(project.budget);
    const goal = funding === 'full' ? budget : Math.round(budget * (0.15 + 0.8 * rng.next()));
    const end = project.endsOn ?? addDays(project.startsOn, 1095);
    // A contribution names a programme only when it funds the programme as a whole.
    const target = {
      project,
      programmeId: null,
      from: project.startsOn,
      to: minDate(end, AS_OF),
    };
    const year = yearOf(target.from);
    const givers = Array.from({ length: counts[i] }, () => donorIn(year));
    const parts = split(
      goal,
      givers.map((d) => (0.4 + rng.next()) * Math.sqrt(weightOf(d))),
    );
    givers.forEach((donor, k) => contribute(target, parts[k], donor, 0.65));
  });

  for (let i = rows.length; i < total; i++) {
    const programme = rng.pick(programmes);
    const from = maxDate(programme.launchedOn ?? COMPACT_SIGNED_ON, COMPACT_SIGNED_ON);
    const cents = randomCents(rng, 50_000, 2_500_000, 100);
    contribute(
      { project: null, programmeId: programme.id, from, to: AS_OF },
      cents,
      donorIn(yearOf(from)),
      0.4,
    );
  }
  return rows;
}
