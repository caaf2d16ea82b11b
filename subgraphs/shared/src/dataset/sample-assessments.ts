import {
  AssessmentFormat,
  AssessmentStatus,
  AssessmentType,
  Confidentiality,
  Priority,
  ProvenanceKind,
  RecommendationStatus,
} from '../vocabulary';
import { addDays, randomDate, yearOf } from './dates';
import {
  AS_OF,
  factResolutions,
  factThematicAreas,
  factVisits,
  joinNotes,
  type FactVisit,
  type ThematicAreaCode,
} from './facts';
import { stableId } from './ids';
import { Random } from './random';
import type { AssessmentRow, AssessmentsData, MemberStateRow, RecommendationRow } from './rows';
import { fillText, stateLabel } from './texts';
import { RECOMMENDATION_TEMPLATES } from './texts-recommendations';

const ASSESSMENTS_PER_SCALE = 30;
const RECOMMENDATIONS_PER_SCALE = 150;
const MIN_RECOMMENDATIONS = 3;
const MAX_RECOMMENDATIONS = 8;

/** Compact entities that plausibly join CTED's visits; CTED leads, so it is never among them. */
const PARTICIPANTS = ['UNODC', 'UNOCT', 'INTERPOL', 'OHCHR', 'UNDP', 'IOM', 'WCO', 'UN Women'];
const ALWAYS_ASSESSED = ['S/RES/1373(2001)', 'S/RES/1624(2005)', 'S/RES/2178(2014)'];
const AREA_RESOLUTIONS: Partial<Record<ThematicAreaCode, string>> = {
  CFT: 'S/RES/2462(2019)',
  BORDER_MANAGEMENT: 'S/RES/2396(2017)',
  FTF: 'S/RES/2396(2017)',
  CRITICAL_INFRASTRUCTURE: 'S/RES/2341(2017)',
  WEAPONS: 'S/RES/2370(2017)',
  GENDER: 'S/RES/2242(2015)',
  LAW_ENFORCEMENT: 'S/RES/2482(2019)',
};
/** Sourced visits made public so that the demo's Member State questions have readable answers. */
const PUBLIC_VISITS = new Set(['BEL-2022', 'NGA-2022']);

const SOURCED_NOTE =
  'The visit is sourced; its status, confidentiality, participants, resolutions and thematic areas are illustrative.';
const SAMPLE_NOTE = 'Sample data: an illustrative assessment, not a real CTED visit.';
const RECOMMENDATION_NOTE =
  'Sample data: an illustrative recommendation, not quoted from a CTED report.';

type Draft = Omit<FactVisit, 'key'> & { key: string; status: AssessmentStatus };

function sampleStatus(rng: Random, year: number): AssessmentStatus {
  if (year < 2024) return AssessmentStatus.REPORT_ADOPTED;
  if (year === 2024) return AssessmentStatus.REPORT_PENDING;
  if (year === 2025)
    return rng.weighted({ REPORT_PENDING: 60, IN_PROGRESS: 40 }) as AssessmentStatus;
  return rng.weighted({ PLANNED: 45, IN_PROGRESS: 35, REPORT_PENDING: 20 }) as AssessmentStatus;
}

function sampleDraft(rng: Random, state: MemberStateRow, index: number): Draft {
  const year = rng.int(2010, 2026);
  const status = sampleStatus(rng, year);
  const type = rng.weighted({
    ASSESSMENT_VISIT: 45,
    FOLLOW_UP_VISIT: 40,
    FOCUSED_VISIT: 10,
    DESK_REVIEW: 5,
  }) as AssessmentType;
  const remote = year >= 2020 && year <= 2022;
  const format =
    type === AssessmentType.DESK_REVIEW
      ? AssessmentFormat.VIRTUAL
      : remote
        ? (rng.weighted({ IN_PERSON: 20, VIRTUAL: 40, HYBRID: 40 }) as AssessmentFormat)
        : AssessmentFormat.IN_PERSON;
  const startedOn =
    status === AssessmentStatus.PLANNED
      ? randomDate(rng, addDays(AS_OF, 3), `${year}-12-20`)
      : randomDate(
          rng,
          `${year}-01-10`,
          year === yearOf(AS_OF) ? addDays(AS_OF, -60) : `${year}-11-20`,
        );
  const days = format === AssessmentFormat.IN_PERSON ? rng.int(3, 5) : rng.int(14, 45);
  const ongoing = status === AssessmentStatus.PLANNED || status === AssessmentStatus.IN_PROGRESS;
  return {
    key: `${state.iso3}/${startedOn}/${index}`,
    memberStateIso3: state.iso3,
    type,
    format,
    startedOn,
    endedOn: ongoing ? null : addDays(startedOn, days),
    status,
    provenance: ProvenanceKind.SAMPLE,
    source: null,
    notes: SAMPLE_NOTE,
  };
}

function sourcedDraft(visit: FactVisit): Draft {
  const ended = yearOf(visit.endedOn ?? visit.startedOn);
  const status = ended < 2024 ? AssessmentStatus.REPORT_ADOPTED : AssessmentStatus.REPORT_PENDING;
  return { ...visit, status, notes: joinNotes(visit.notes, SOURCED_NOTE) };
}

/** Recommendation counts of 3–8 per assessment that add up to exactly `total`. */
function recommendationCounts(rng: Random, n: number, total: number): number[] {
  const counts = Array.from(
    { length: n },
    (_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0),
  );
  for (let k = 0; k < 3 * n; k++) {
    const [i, j] = [rng.int(0, n - 1), rng.int(0, n - 1)];
    if (i !== j && counts[i] < MAX_RECOMMENDATIONS && counts[j] > MIN_RECOMMENDATIONS) {
      counts[i]++;
      counts[j]--;
    }
  }
  return counts;
}

function recommendationsFor(
  rng: Random,
  assessment: AssessmentRow,
  state: MemberStateRow,
  count: number,
): RecommendationRow[] {
  const areas = assessment.thematicAreaCodes as ThematicAreaCode[];
  const templates = new Map(areas.map((a) => [a, rng.shuffle(RECOMMENDATION_TEMPLATES[a])]));
  const adopted = assessment.status === AssessmentStatus.REPORT_ADOPTED;
  return Array.from({ length: count }, (_, k) => {
    const area = areas[k % areas.length];
    const template = templates.get(area)![Math.floor(k / areas.length)];
    return {
      id: stableId('recommendation', `${assessment.id}#${k + 1}`, assessment.startedOn),
      assessmentId: assessment.id,
      number: k + 1,
      thematicAreaCode: area,
      text: fillText(template, { state: stateLabel(state) }),
      priority: rng.weighted({ HIGH: 30, MEDIUM: 45, LOW: 25 }) as Priority,
      technicalAssistanceNeeded: rng.chance(0.6),
      status: adopted
        ? (rng.weighted({ OPEN: 55, IN_PROGRESS: 33, IMPLEMENTED: 12 }) as RecommendationStatus)
        : RecommendationStatus.OPEN,
      provenance: ProvenanceKind.SAMPLE,
      source: null,
      notes: RECOMMENDATION_NOTE,
    };
  });
}

/** The assessments subgraph's rows: the sourced CTED visits, then sample ones up to 30 × scale. */
export function buildAssessments(states: MemberStateRow[], scale: number): AssessmentsData {
  const rng = new Random(`assessments:${scale}`);
  const thematicAreas = factThematicAreas();
  const resolutions = factResolutions();
  const resolutionYear = new Map(resolutions.map((r) => [r.symbol, r.year]));
  const stateByIso3 = new Map(states.map((s) => [s.iso3, s]));
  const areaCodes = thematicAreas.map((a) => a.code as ThematicAreaCode);

  const visits = factVisits();
  const visited = new Set(visits.map((v) => v.memberStateIso3));
  const unvisited = rng.shuffle(states.filter((s) => !visited.has(s.iso3)));
  const anyState = rng.shuffle(states);
  const sampleCount = Math.max(0, ASSESSMENTS_PER_SCALE * scale - visits.length);
  const drafts = [
    ...visits.map(sourcedDraft),
    ...Array.from({ length: sampleCount }, (_, i) =>
      sampleDraft(rng, unvisited[i] ?? anyState[(i - unvisited.length) % anyState.length], i),
    ),
  ];

  const counts = recommendationCounts(rng, drafts.length, RECOMMENDATIONS_PER_SCALE * scale);
  const assessments: AssessmentRow[] = [];
  const recommendations: RecommendationRow[] = [];
  drafts.forEach(({ key, ...draft }, i) => {
    const year = yearOf(draft.startedOn);
    const areas = rng.sample(areaCodes, Math.min(rng.int(3, 6), counts[i]));
    const symbols = [...ALWAYS_ASSESSED, ...areas.map((a) => AREA_RESOLUTIONS[a])].filter(
      (s): s is string => s !== undefined && (resolutionYear.get(s) ?? 0) <= year,
    );
    const assessment: AssessmentRow = {
      id: stableId('assessment', key, draft.startedOn),
      ...draft,
      confidentiality: PUBLIC_VISITS.has(key)
        ? Confidentiality.PUBLIC
        : (rng.weighted({
            PUBLIC: 40,
            SHARED_WITH_CONSENT: 35,
            CONFIDENTIAL: 25,
          }) as Confidentiality),
      leadEntityAcronym: 'CTED',
      participatingEntityAcronyms: rng.sample(PARTICIPANTS, rng.int(0, 4)),
      resolutionSymbols: [...new Set(symbols)],
      thematicAreaCodes: areas,
    };
    assessments.push(assessment);
    const state = stateByIso3.get(draft.memberStateIso3);
    if (!state) throw new Error(`Assessment of unknown Member State ${draft.memberStateIso3}`);
    recommendations.push(...recommendationsFor(rng, assessment, state, counts[i]));
  });
  return { thematicAreas, resolutions, assessments, recommendations };
}
