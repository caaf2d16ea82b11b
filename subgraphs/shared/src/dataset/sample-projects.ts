import { AssessmentStatus, ProjectStatus, ProvenanceKind } from '../vocabulary';
import { addDays, maxDate, randomDate, yearOf } from './dates';
import { AS_OF, type FactProgramme, type ThematicAreaCode } from './facts';
import { Coverage } from './coverage';
import { stableId } from './ids';
import { formatCents, randomCents } from './money';
import type { Random } from './random';
import type {
  AppealRow,
  AssessmentRow,
  AssessmentsData,
  MemberStateRow,
  ProjectRow,
  RecommendationRow,
} from './rows';
import { fillText, placeLabel } from './texts';
import { PROJECT_TEXTS } from './texts-projects';

const PROJECTS_PER_SCALE = 80;
const FIRST_START = '2018-03-01';
const LAST_START = '2027-09-30';
/** The Multi-Year Appeals' years, when many Compact projects started. */
const APPEAL_YEARS: [string, string] = ['2019-01-01', '2022-12-31'];
const NOTE = 'Sample data: an illustrative project, not a real one.';

const LEADS: Record<string, number> = {
  UNOCT: 22,
  UNODC: 20,
  UNDP: 8,
  INTERPOL: 6,
  IOM: 5,
  'UN Women': 5,
  UNICRI: 5,
  OHCHR: 4,
  UNESCO: 3,
  ICAO: 3,
  IMO: 2,
  UNICEF: 2,
  WCO: 2,
  IAEA: 1,
  OPCW: 1,
};
const LEAD_ACRONYMS = Object.keys(LEADS);
const PARTNERS = [...LEAD_ACRONYMS, 'CTED', 'UNAOC', 'UNOICT', 'UNHCR', 'UNODA'];
/** Implementers that usually lead work in an area. */
const AREA_LEADS: Partial<Record<ThematicAreaCode, string[]>> = {
  CFT: ['UNODC', 'UNOCT'],
  CRIMINAL_JUSTICE: ['UNODC'],
  LEGAL_COOPERATION: ['UNODC'],
  LAW_ENFORCEMENT: ['INTERPOL', 'UNODC'],
  BORDER_MANAGEMENT: ['UNOCT', 'IOM', 'ICAO', 'INTERPOL', 'WCO'],
  FTF: ['UNOCT', 'UNODC', 'UNICEF'],
  CVE: ['UNDP', 'UNESCO', 'UNICRI'],
  HUMAN_RIGHTS: ['OHCHR'],
  GENDER: ['UN Women'],
  ICT: ['UNOCT', 'UNICRI'],
  CRITICAL_INFRASTRUCTURE: ['UNOCT', 'UNICRI'],
  WEAPONS: ['UNODC', 'IAEA', 'OPCW'],
  CIVIL_SOCIETY: ['UNDP', 'UNOCT'],
};

export interface ProjectInputs {
  states: MemberStateRow[];
  assessments: AssessmentsData;
  programmes: FactProgramme[];
  appeals: AppealRow[];
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function count(rng: Random, weights: number[]): number {
  return rng.weightedItem(
    weights.map((_, i) => i),
    weights,
  );
}

/** What a project works on: where, on what, from when, and which CTED work it builds on. */
interface Scope {
  areas: ThematicAreaCode[];
  beneficiaries: MemberStateRow[];
  startsOn: string;
  used: AssessmentRow[];
  addressed: RecommendationRow[];
}

function projectStatus(rng: Random, startsOn: string, endsOn: string): ProjectStatus {
  if (startsOn > AS_OF) return ProjectStatus.PIPELINE;
  if (rng.chance(0.05)) return ProjectStatus.CANCELLED;
  return endsOn < AS_OF ? ProjectStatus.COMPLETED : ProjectStatus.ACTIVE;
}

function leadFor(rng: Random, areas: ThematicAreaCode[], programme?: FactProgramme): string {
  const areaLeads = AREA_LEADS[areas[0]];
  if (programme && rng.chance(0.35)) return programme.row.leadEntityAcronym;
  if (areaLeads && rng.chance(0.5)) return rng.pick(areaLeads);
  return rng.weightedItem(LEAD_ACRONYMS, Object.values(LEADS));
}

export function buildProjects(rng: Random, scale: number, inputs: ProjectInputs): ProjectRow[] {
  const { states, programmes, appeals } = inputs;
  const { assessments, recommendations } = inputs.assessments;
  const stateByIso3 = new Map(states.map((s) => [s.iso3, s]));
  const bySubregion = groupBy(states, (s) => s.subregion);
  const eligible = assessments.filter((a) => a.status !== AssessmentStatus.PLANNED);
  const eligibleByState = groupBy(eligible, (a) => a.memberStateIso3);
  const byAssessment = groupBy(recommendations, (r) => r.assessmentId);
  const coverage = new Coverage(rng, eligible, byAssessment);
  const areaCodes = Object.keys(PROJECT_TEXTS) as ThematicAreaCode[];
  const perYear = new Map<number, number>();

  function neighbours(state: MemberStateRow, n: number): MemberStateRow[] {
    const near = (bySubregion.get(state.subregion) ?? []).filter((s) => s !== state);
    return [state, ...rng.sample(near, n)];
  }

  function assessedBefore(beneficiaries: MemberStateRow[], date: string): AssessmentRow[] {
    const found: AssessmentRow[] = [];
    for (const state of beneficiaries) {
      for (const a of eligibleByState.get(state.iso3) ?? []) if (a.startedOn < date) found.push(a);
    }
    return found;
  }

  function startDate(earliest: string): string {
    const from = maxDate(earliest, APPEAL_YEARS[0]);
    return from < APPEAL_YEARS[1] && rng.chance(0.5)
      ? randomDate(rng, from, APPEAL_YEARS[1])
      : randomDate(rng, earliest, LAST_START);
  }

  /** A project built on an assessment: its needs, in its areas, for its state and neighbours. */
  function anchoredScope(anchor: AssessmentRow): Scope {
    const target = rng.shuffle(coverage.uncovered(anchor))[0];
    const anchorAreas = anchor.thematicAreaCodes as ThematicAreaCode[];
    const first = target ? (target.thematicAreaCode as ThematicAreaCode) : rng.pick(anchorAreas);
    const more = rng.sample(
      anchorAreas.filter((a) => a !== first),
      count(rng, [50, 35, 15]),
    );
    const areas = [first, ...more];
    const state = stateByIso3.get(anchor.memberStateIso3)!;
    const beneficiaries = neighbours(state, count(rng, [55, 20, 15, 10]));
    const startsOn = startDate(
      maxDate(FIRST_START, addDays(anchor.endedOn ?? anchor.startedOn, 60)),
    );
    const others = assessedBefore(beneficiaries, startsOn).filter((a) => a !== anchor);
    const used = [anchor, ...rng.sample(others, rng.int(0, 2))];
    const candidates = used
      .flatMap((a) => coverage.candidates(a))
      .filter((r) => r !== target && areas.includes(r.thematicAreaCode as ThematicAreaCode));
    const n = 1 + count(rng, [20, 30, 25, 15, 10]);
    const fresh = rng.shuffle(candidates.filter((r) => !coverage.isCovered(r)));
    const addressed = [...(target ? [target] : []), ...fresh].slice(0, n);
    if (addressed.length < n && rng.chance(0.5)) {
      const again = rng.shuffle(candidates.filter((r) => coverage.isCovered(r)));
      addressed.push(...again.slice(0, n - addressed.length));
    }
    addressed.forEach((r) => coverage.cover(r));
    return { areas, beneficiaries, startsOn, used, addressed };
  }

  /** A project not built on a CTED assessment. */
  function freeScope(): Scope {
    const beneficiaries = neighbours(rng.pick(states), rng.int(0, 3));
    const startsOn = startDate(FIRST_START);
    const assessed = assessedBefore(beneficiaries, startsOn);
    return {
      areas: rng.sample(areaCodes, rng.int(1, 3)),
      beneficiaries,
      startsOn,
      used: rng.chance(0.3) ? rng.sample(assessed, 1) : [],
      addressed: [],
    };
  }

  /** Most projects sit in a programme on one of their areas; a few join an unrelated one. */
  function programmeFor(areas: ThematicAreaCode[]): FactProgramme | undefined {
    const matching = programmes.filter((p) => p.areaCodes.some((a) => areas.includes(a)));
    if (matching.length > 0 && rng.chance(0.85)) return rng.pick(matching);
    if (!rng.chance(0.3)) return undefined;
    const programme = rng.pick(programmes);
    if (areas.length < 3 && !programme.areaCodes.some((a) => areas.includes(a))) {
      areas.push(programme.areaCodes[0]);
    }
    return programme;
  }

  function project(): ProjectRow {
    const anchor = rng.chance(0.8)
      ? ((rng.chance(0.85) ? coverage.nextOpen() : undefined) ?? rng.pick(eligible))
      : undefined;
    const { areas, beneficiaries, startsOn, used, addressed } = anchor
      ? anchoredScope(anchor)
      : freeScope();
    const programme = programmeFor(areas);
    const lead = leadFor(rng, areas, programme);
    const endsOn = addDays(startsOn, rng.int(365, 1460));
    const status = projectStatus(rng, startsOn, endsOn);
    const year = yearOf(startsOn);
    const appeal = appeals.find((a) => a.periodStart <= year && year <= a.periodEnd);
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
    const code = `CGC-${year}-${String(perYear.get(year)).padStart(4, '0')}`;
    const texts = PROJECT_TEXTS[areas[0]];
    const where = placeLabel(beneficiaries);
    return {
      id: stableId('project', code, startsOn),
      code,
      title: fillText(rng.pick(texts.titles), { where }),
      summary: fillText(rng.pick(texts.summaries), { where }),
      status,
      leadEntityAcronym: lead,
      partnerEntityAcronyms: rng.sample(
        PARTNERS.filter((p) => p !== lead),
        count(rng, [25, 35, 25, 15]),
      ),
      beneficiaryStateIso3s: beneficiaries.map((s) => s.iso3),
      thematicAreaCodes: areas,
      programmeId: programme?.row.id ?? null,
      appealId: appeal && rng.chance(0.85) ? appeal.id : null,
      startsOn,
      endsOn: status === ProjectStatus.PIPELINE && rng.chance(0.4) ? null : endsOn,
      budget: formatCents(randomCents(rng, 150_000, 12_000_000, 1_000)),
      currency: 'USD',
      recommendationIds: addressed.map((r) => r.id),
      assessmentIds: used.map((a) => a.id),
      provenance: ProvenanceKind.SAMPLE,
      source: null,
      notes: NOTE,
    };
  }

  return Array.from({ length: PROJECTS_PER_SCALE * scale }, project);
}
