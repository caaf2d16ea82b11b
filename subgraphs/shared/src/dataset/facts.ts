import factsJson from '../../data/compact-facts.json';
import {
  AssessmentFormat,
  AssessmentType,
  DonorKind,
  EntityKind,
  ProvenanceKind,
} from '../vocabulary';
import { addDays, randomDate } from './dates';
import { DEFAULT_ID_DATE, stableId } from './ids';
import { Random } from './random';
import type {
  AssessmentRow,
  DonorRow,
  EntityRow,
  MemberStateRow,
  ProgrammeRow,
  ProvenanceRow,
  ResolutionRow,
  ThematicAreaRow,
  WorkingGroupRow,
} from './rows';

interface Fact {
  source: string | null;
  notes?: string;
  inferred?: boolean;
}

interface CompactFacts {
  _meta: { compiled: string };
  entities: (Fact & { acronym: string; name: string; kind: string; joinedYear: number | null })[];
  workingGroups: (Fact & { name: string; chairs: string[]; chairsAsOf?: number })[];
  resolutions: (Fact & { number: string; year: number; body: string; subject: string })[];
  thematicAreas: (Fact & { name: string })[];
  assessmentVisits: (Fact & { countryIso3: string; year: number; kind: string; format?: string })[];
  programmes: (Fact & { name: string; leadEntity: string; themes: string[]; launched?: string })[];
  donors: (Fact & { name: string; kind: string })[];
}

const FACTS: CompactFacts = factsJson;

/** The day the facts were compiled: "today" for the sample data, so every build agrees. */
export const AS_OF = FACTS._meta.compiled;

/** The Compact was signed on 23 February 2018: the launch signatories joined that day. */
export const COMPACT_SIGNED_ON = DEFAULT_ID_DATE;

const AREA_CODES = {
  'International, regional, and subregional cooperation': 'INTERNATIONAL_COOPERATION',
  'Terrorist threat assessment': 'THREAT_ASSESSMENT',
  'Legal and criminal justice': 'CRIMINAL_JUSTICE',
  'International legal cooperation': 'LEGAL_COOPERATION',
  'Countering the financing of terrorism': 'CFT',
  'Countering violent extremism': 'CVE',
  'Comprehensive counter-terrorism strategies': 'CT_STRATEGIES',
  'Law enforcement': 'LAW_ENFORCEMENT',
  'Border management (incl. aviation security)': 'BORDER_MANAGEMENT',
  'Human rights': 'HUMAN_RIGHTS',
  'Gender (roles of women in CT/CVE)': 'GENDER',
  'Countering incitement (res. 1624)': 'INCITEMENT',
  'Foreign terrorist fighters': 'FTF',
  'Information and communications technologies': 'ICT',
  'Protection of critical infrastructure and soft targets': 'CRITICAL_INFRASTRUCTURE',
  'Preventing terrorists from acquiring weapons': 'WEAPONS',
  'Civil society engagement': 'CIVIL_SOCIETY',
} as const;

export type ThematicAreaCode = (typeof AREA_CODES)[keyof typeof AREA_CODES];

/** Programme themes, as the facts word them, to the thematic areas they fall under. */
const THEME_AREAS: Record<string, ThematicAreaCode> = {
  'Border management': 'BORDER_MANAGEMENT',
  'API/PNR': 'BORDER_MANAGEMENT',
  'Aviation security': 'BORDER_MANAGEMENT',
  'Foreign terrorist fighters': 'FTF',
  'Law enforcement': 'LAW_ENFORCEMENT',
  'Countering the financing of terrorism': 'CFT',
  'Asset freezing': 'CFT',
  'Protection of vulnerable targets': 'CRITICAL_INFRASTRUCTURE',
  'Critical infrastructure': 'CRITICAL_INFRASTRUCTURE',
  PCVE: 'CVE',
  Youth: 'CVE',
  'Victims of terrorism': 'HUMAN_RIGHTS',
  'Human rights': 'HUMAN_RIGHTS',
  ICT: 'ICT',
  'New technologies': 'ICT',
  'Parliamentary engagement': 'CT_STRATEGIES',
  'National and regional strategies': 'CT_STRATEGIES',
  'WMD/CBRN': 'WEAPONS',
};

const ENTITY_KINDS: Record<string, EntityKind> = {
  'UN fund or programme': EntityKind.UN_FUND_OR_PROGRAMME,
  'UN specialized agency': EntityKind.UN_SPECIALIZED_AGENCY,
  'UN related organization': EntityKind.UN_RELATED_ORGANIZATION,
  'Related organization': EntityKind.UN_RELATED_ORGANIZATION,
  'UN research and training institute': EntityKind.UN_RESEARCH_INSTITUTE,
};

const DONOR_KINDS: Record<string, DonorKind> = {
  'Member State': DonorKind.MEMBER_STATE,
  'Regional organization': DonorKind.REGIONAL_ORGANIZATION,
  'UN pass-through fund': DonorKind.UN_FUND,
  'Non-governmental organization': DonorKind.NON_GOVERNMENTAL_ORGANIZATION,
};

/**
 * Visit dates the facts' notes give or bound ([start, end, both days read in the source]).
 * Hybrid visits start with their virtual component. Other visits get dates from their key.
 */
const VISIT_DATES: Record<string, [string, string, boolean]> = {
  'BEL-2009': ['2009-01-26', '2009-02-04', false],
  'UGA-2019': ['2019-04-22', '2019-04-25', false],
  'MAR-2019': ['2019-06-24', '2019-06-28', false],
  'GNQ-2020': ['2020-02-24', '2020-02-26', false],
  'IRQ-2021': ['2021-03-08', '2021-04-09', false],
  'LTU-2021': ['2021-03-15', '2021-04-16', false],
  'MYS-2021': ['2021-03-22', '2021-04-23', false],
  'BEL-2022': ['2021-10-19', '2022-06-03', true],
  'NGA-2022': ['2021-10-11', '2022-10-14', true],
  'MNE-2024': ['2024-03-18', '2024-03-22', true],
  'MWI-2024': ['2024-04-22', '2024-04-26', true],
};

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`compact-facts.json: ${what}`);
  return value;
}

/** Joins notes into sentences ("a" + "b." gives "a. b."); null when there are none. */
export function joinNotes(...notes: (string | null | undefined)[]): string | null {
  const sentences = notes
    .filter((n): n is string => !!n)
    .map((n) => (/[.!?]$/.test(n) ? n : `${n}.`));
  return sentences.length > 0 ? sentences.join(' ') : null;
}

function provenance(fact: Fact, extraNotes?: string): ProvenanceRow {
  return {
    provenance: fact.inferred ? ProvenanceKind.INFERRED : ProvenanceKind.SOURCED,
    source: fact.source,
    notes: joinNotes(fact.notes, extraNotes),
  };
}

/** Splits "Name (ABC)" into a name and a short name, when the brackets hold an acronym. */
function splitShortName(full: string): { name: string; shortName: string | null } {
  const match = /\s*\(([^()]{1,14})\)/.exec(full);
  if (!match || !/[A-Z]{2}|Programme/.test(match[1])) return { name: full, shortName: null };
  const atEnd = match.index + match[0].length === full.length;
  return { name: atEnd ? full.slice(0, match.index) : full, shortName: match[1] };
}

function thematicAreaCode(name: string): ThematicAreaCode {
  return must((AREA_CODES as Record<string, ThematicAreaCode>)[name], `no code for area "${name}"`);
}

export function factThematicAreas(): ThematicAreaRow[] {
  return FACTS.thematicAreas.map((fact) => ({
    code: thematicAreaCode(fact.name),
    name: fact.name,
    ...provenance(fact),
  }));
}

function resolutionSymbol(body: string, number: string, year: number): string {
  if (body === 'Security Council') return `S/RES/${number}(${year})`;
  if (body === 'General Assembly') return `A/RES/${number}`;
  throw new Error(`compact-facts.json: unknown resolution body "${body}"`);
}

export function factResolutions(): ResolutionRow[] {
  return FACTS.resolutions.map((fact) => ({
    symbol: resolutionSymbol(fact.body, fact.number, fact.year),
    number: fact.number,
    year: fact.year,
    body: fact.body,
    subject: fact.subject,
    ...provenance(fact),
  }));
}

function entityKind(kind: string): EntityKind {
  if (kind.startsWith('UN Secretariat') || kind.startsWith('UN special procedure')) {
    return EntityKind.UN_SECRETARIAT;
  }
  if (kind.startsWith('Non-UN')) return EntityKind.NON_UN_ORGANIZATION;
  return must(ENTITY_KINDS[kind], `unknown entity kind "${kind}"`);
}

export function factEntities(): EntityRow[] {
  return FACTS.entities.map((fact) => {
    const joinedOn = fact.joinedYear === 2018 ? COMPACT_SIGNED_ON : null;
    if (fact.joinedYear !== null && fact.joinedYear !== 2018) {
      throw new Error(`compact-facts.json: no joining date known for year ${fact.joinedYear}`);
    }
    return {
      id: stableId('entity', fact.acronym, joinedOn ?? undefined),
      acronym: fact.acronym,
      name: fact.name,
      kind: entityKind(fact.kind),
      joinedOn,
      signedCompactOn: joinedOn,
      isObserver: false,
      website: null,
      ...provenance(fact),
    };
  });
}

export interface FactWorkingGroup {
  row: WorkingGroupRow;
  /** Chairs read in the source (empty when the source names none). */
  chairAcronyms: string[];
  chairsAsOf: number | null;
}

export function factWorkingGroups(): FactWorkingGroup[] {
  return FACTS.workingGroups.map((fact) => {
    const { name, shortName } = splitShortName(fact.name);
    const topic = name.replace(/^Working Group on /, '');
    return {
      row: {
        id: stableId('working-group', name),
        name,
        shortName,
        mandate: `Coordinates the Compact entities' work on ${topic.charAt(0).toLowerCase()}${topic.slice(1)}.`,
        ...provenance(fact, 'The mandate line is a summary of the name, not a quotation.'),
      },
      chairAcronyms: fact.chairs,
      chairsAsOf: fact.chairsAsOf ?? null,
    };
  });
}

/** A sourced CTED visit: what the facts say, before the sample details are added. */
export type FactVisit = Pick<
  AssessmentRow,
  'memberStateIso3' | 'type' | 'format' | 'startedOn' | 'endedOn' | keyof ProvenanceRow
> & { key: string };

function visitType(kind: string, notes: string): AssessmentType {
  if (/focused/i.test(notes)) return AssessmentType.FOCUSED_VISIT;
  if (kind === 'assessment visit' || kind === 'hybrid') return AssessmentType.ASSESSMENT_VISIT;
  if (kind === 'follow-up visit') return AssessmentType.FOLLOW_UP_VISIT;
  throw new Error(`compact-facts.json: unknown visit kind "${kind}"`);
}

export function factVisits(): FactVisit[] {
  return FACTS.assessmentVisits.map((fact) => {
    const key = `${fact.countryIso3}-${fact.year}`;
    const known = VISIT_DATES[key];
    const rng = new Random(`visit:${key}`);
    const startedOn = known?.[0] ?? randomDate(rng, `${fact.year}-02-01`, `${fact.year}-11-20`);
    const exact = known?.[2] ?? false;
    return {
      key,
      memberStateIso3: fact.countryIso3,
      type: visitType(fact.kind, fact.notes ?? ''),
      format:
        fact.kind === 'hybrid' || fact.format === 'hybrid'
          ? AssessmentFormat.HYBRID
          : AssessmentFormat.IN_PERSON,
      startedOn,
      endedOn: known?.[1] ?? addDays(startedOn, rng.int(3, 5)),
      ...provenance(fact, exact ? undefined : 'The exact dates are illustrative.'),
    };
  });
}

export interface FactProgramme {
  row: ProgrammeRow;
  areaCodes: ThematicAreaCode[];
}

export function factProgrammes(): FactProgramme[] {
  return FACTS.programmes.map((fact) => {
    const { name, shortName } = splitShortName(fact.name);
    const launched = fact.launched ?? '';
    const launchedOn = /^\d{4}-\d{2}-\d{2}$/.test(launched) ? launched : null;
    const launchNote = !launchedOn && launched ? `Launched in ${launched}.` : undefined;
    const areaCodes = fact.themes.map((theme) =>
      must(THEME_AREAS[theme], `no thematic area for programme theme "${theme}"`),
    );
    return {
      row: {
        id: stableId('programme', name, launchedOn ?? undefined),
        name,
        shortName,
        leadEntityAcronym: fact.leadEntity.split('/')[0],
        launchedOn,
        ...provenance(fact, launchNote),
      },
      areaCodes: [...new Set(areaCodes)],
    };
  });
}

export interface FactDonor {
  row: DonorRow;
  /** The year the facts call it a new donor, if they do: it gives nothing before. */
  since: number | null;
}

/** Everyday names the facts use where neither the UN short name nor the official name matches. */
const DONOR_STATE_ALIASES: Record<string, string> = {
  Netherlands: 'NLD',
  'United Kingdom': 'GBR',
};

/** Looks a donor's name up among the Member States' short and official names. */
function donorIso3(name: string, states: readonly MemberStateRow[]): string {
  const alias = DONOR_STATE_ALIASES[name];
  const state = states.find((s) => s.iso3 === alias || s.name === name || s.officialName === name);
  return must(state, `donor "${name}" matches no Member State name`).iso3;
}

export function factDonors(states: readonly MemberStateRow[]): FactDonor[] {
  return FACTS.donors.map((fact) => {
    const kind = must(DONOR_KINDS[fact.kind], `unknown donor kind "${fact.kind}"`);
    const since = /New (?:donor|funding partner) in (\d{4})/.exec(fact.notes ?? '');
    return {
      row: {
        id: stableId('donor', fact.name),
        name: fact.name,
        kind,
        memberStateIso3: kind === DonorKind.MEMBER_STATE ? donorIso3(fact.name, states) : null,
        ...provenance(fact),
      },
      since: since ? Number(since[1]) : null,
    };
  });
}
