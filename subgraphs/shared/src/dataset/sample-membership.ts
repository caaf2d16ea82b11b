import { CommitteeRole, EntityKind, ProvenanceKind, WorkingGroupRole } from '../vocabulary';
import { factEntities, factWorkingGroups } from './facts';
import { stableId } from './ids';
import { Random } from './random';
import type {
  CommitteeSeatRow,
  EntityRow,
  MemberStateRow,
  MembershipData,
  WorkingGroupMembershipRow,
} from './rows';

const UNCONFIRMED = 'Membership of the Compact not confirmed in a source.';
const SAMPLE_NOTE = 'Sample data: illustrative, not read in a source.';

/** Entities that belong to the Compact as far as we know, but that the facts do not list. */
const OTHER_ENTITIES: [string, string, EntityKind][] = [
  ['DGC', 'Department of Global Communications', EntityKind.UN_SECRETARIAT],
  ['DESA', 'Department of Economic and Social Affairs', EntityKind.UN_SECRETARIAT],
  ['UNDSS', 'United Nations Department of Safety and Security', EntityKind.UN_SECRETARIAT],
  ['OSAA', 'Office of the Special Adviser on Africa', EntityKind.UN_SECRETARIAT],
  [
    'SRSG-CAAC',
    'Office of the Special Representative of the Secretary-General for Children and Armed Conflict',
    EntityKind.UN_SECRETARIAT,
  ],
  [
    'SRSG-SVC',
    'Office of the Special Representative of the Secretary-General on Sexual Violence in Conflict',
    EntityKind.UN_SECRETARIAT,
  ],
  ['UNFPA', 'United Nations Population Fund', EntityKind.UN_FUND_OR_PROGRAMME],
  ['UN-Habitat', 'United Nations Human Settlements Programme', EntityKind.UN_FUND_OR_PROGRAMME],
  ['WFP', 'World Food Programme', EntityKind.UN_FUND_OR_PROGRAMME],
  ['UNOPS', 'United Nations Office for Project Services', EntityKind.UN_FUND_OR_PROGRAMME],
  ['ITU', 'International Telecommunication Union', EntityKind.UN_SPECIALIZED_AGENCY],
  ['UPU', 'Universal Postal Union', EntityKind.UN_SPECIALIZED_AGENCY],
  ['World Bank', 'World Bank Group', EntityKind.UN_SPECIALIZED_AGENCY],
  ['IMF', 'International Monetary Fund', EntityKind.UN_SPECIALIZED_AGENCY],
  ['UNIDIR', 'United Nations Institute for Disarmament Research', EntityKind.UN_RESEARCH_INSTITUTE],
  [
    'UNITAR',
    'United Nations Institute for Training and Research',
    EntityKind.UN_RESEARCH_INSTITUTE,
  ],
  ['UNU', 'United Nations University', EntityKind.UN_RESEARCH_INSTITUTE],
];

/** Plausible chairs of the groups whose chairs the facts do not name, with the reason. */
const INFERRED_CHAIRS: [RegExp, string[], string][] = [
  [/Emerging Threats/, ['UNOCT', 'CTED', 'INTERPOL'], "they developed the group's 2023 compendium"],
  [/Criminal Justice/, ['UNODC', 'CTED'], 'the facts name UNODC as the likely lead'],
  [/Human Rights/, ['OHCHR'], 'the facts name OHCHR as the likely lead'],
  [/Gender/, ['UN Women'], "UN Women ran consultations on the group's behalf"],
  [/Border Management/, ['CTED', 'INTERPOL', 'WCO'], 'they co-chaired the CTITF predecessor group'],
  [/Violent Extremism/, ['UNDP', 'UNESCO'], 'both run prevention programmes'],
  [/Strategies/, ['UNOCT', 'UNODC'], 'both support national strategies'],
  [/WMD/, ['IAEA', 'OPCW'], 'they led on WMD in the CTITF predecessor group'],
];

function otherEntities(): EntityRow[] {
  return OTHER_ENTITIES.map(([acronym, name, kind]) => ({
    id: stableId('entity', acronym),
    acronym,
    name,
    kind,
    joinedOn: null,
    signedCompactOn: null,
    isObserver: false,
    website: null,
    provenance: ProvenanceKind.INFERRED,
    source: null,
    notes: UNCONFIRMED,
  }));
}

function workingGroupMemberships(
  rng: Random,
  entities: EntityRow[],
): Pick<MembershipData, 'workingGroups' | 'workingGroupMemberships'> {
  const byAcronym = new Map(entities.map((e) => [e.acronym, e]));
  const entity = (acronym: string) => {
    const row = byAcronym.get(acronym);
    if (!row) throw new Error(`Working group chair ${acronym} is not an entity`);
    return row;
  };
  const groups = factWorkingGroups();
  const memberships: WorkingGroupMembershipRow[] = [];
  for (const { row, chairAcronyms, chairsAsOf } of groups) {
    const inferred = INFERRED_CHAIRS.find(([pattern]) => pattern.test(row.name));
    const sourced = chairAcronyms.length > 0;
    const chairs = sourced ? chairAcronyms : (inferred?.[1] ?? []);
    for (const acronym of chairs) {
      memberships.push({
        workingGroupId: row.id,
        entityId: entity(acronym).id,
        role: WorkingGroupRole.CHAIR,
        since: null,
        provenance: sourced ? row.provenance : ProvenanceKind.INFERRED,
        source: sourced ? row.source : null,
        notes: sourced
          ? `Co-chair as of ${chairsAsOf ?? 'the source date'}.`
          : `Chair inferred, not read in a source: ${inferred?.[2]}.`,
      });
    }
    const others = entities.filter((e) => !chairs.includes(e.acronym));
    for (const member of rng.sample(others, rng.int(6, 12))) {
      memberships.push({
        workingGroupId: row.id,
        entityId: member.id,
        role: WorkingGroupRole.MEMBER,
        since: member.joinedOn,
        provenance: ProvenanceKind.SAMPLE,
        source: null,
        notes: SAMPLE_NOTE,
      });
    }
  }
  return { workingGroups: groups.map((g) => g.row), workingGroupMemberships: memberships };
}

/** UNOCT chairs the Committee and is its secretariat, and CTED has a seat, per the facts' notes. */
function committeeSeats(entities: EntityRow[]): CommitteeSeatRow[] {
  const seat = (entity: EntityRow, role: CommitteeRole, sourced: boolean): CommitteeSeatRow => ({
    entityId: entity.id,
    role,
    provenance: sourced ? ProvenanceKind.SOURCED : ProvenanceKind.INFERRED,
    source: sourced ? entity.source : null,
    notes: sourced
      ? entity.notes
      : 'Seat inferred: the Committee brings the Compact entities together; not read in a source.',
  });
  return entities.flatMap((entity) => {
    if (entity.acronym === 'UNOCT') {
      return [
        seat(entity, CommitteeRole.CHAIR, true),
        seat(entity, CommitteeRole.SECRETARIAT, true),
      ];
    }
    return [seat(entity, CommitteeRole.MEMBER, entity.acronym === 'CTED')];
  });
}

/** The membership subgraph's rows; they do not depend on the scale. */
export function buildMembership(states: MemberStateRow[]): MembershipData {
  const rng = new Random('membership');
  const entities = [...factEntities(), ...otherEntities()];
  return {
    entities,
    ...workingGroupMemberships(rng, entities),
    memberStates: states,
    committeeSeats: committeeSeats(entities),
  };
}
