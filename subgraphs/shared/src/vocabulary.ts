import { registerEnumType } from 'type-graphql';

/**
 * Enumerations shared by more than one subgraph (or by the seed data of several). Each is
 * registered once here, so every subgraph prints the same values and descriptions and
 * composition sees one definition.
 */

export enum EntityKind {
  UN_SECRETARIAT = 'UN_SECRETARIAT',
  UN_FUND_OR_PROGRAMME = 'UN_FUND_OR_PROGRAMME',
  UN_SPECIALIZED_AGENCY = 'UN_SPECIALIZED_AGENCY',
  UN_RELATED_ORGANIZATION = 'UN_RELATED_ORGANIZATION',
  UN_RESEARCH_INSTITUTE = 'UN_RESEARCH_INSTITUTE',
  NON_UN_ORGANIZATION = 'NON_UN_ORGANIZATION',
}

export enum WorkingGroupRole {
  CHAIR = 'CHAIR',
  VICE_CHAIR = 'VICE_CHAIR',
  MEMBER = 'MEMBER',
}

export enum CommitteeRole {
  CHAIR = 'CHAIR',
  VICE_CHAIR = 'VICE_CHAIR',
  SECRETARIAT = 'SECRETARIAT',
  MEMBER = 'MEMBER',
}

export enum Region {
  AFRICA = 'AFRICA',
  AMERICAS = 'AMERICAS',
  ASIA = 'ASIA',
  EUROPE = 'EUROPE',
  OCEANIA = 'OCEANIA',
}

/** A region's name, as a summary labels it. */
export const REGION_LABELS: Record<Region, string> = {
  AFRICA: 'Africa',
  AMERICAS: 'Americas',
  ASIA: 'Asia',
  EUROPE: 'Europe',
  OCEANIA: 'Oceania',
};

export enum AssessmentType {
  ASSESSMENT_VISIT = 'ASSESSMENT_VISIT',
  FOLLOW_UP_VISIT = 'FOLLOW_UP_VISIT',
  FOCUSED_VISIT = 'FOCUSED_VISIT',
  DESK_REVIEW = 'DESK_REVIEW',
}

export enum AssessmentFormat {
  IN_PERSON = 'IN_PERSON',
  VIRTUAL = 'VIRTUAL',
  HYBRID = 'HYBRID',
}

export enum AssessmentStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  REPORT_PENDING = 'REPORT_PENDING',
  REPORT_ADOPTED = 'REPORT_ADOPTED',
}

export enum Confidentiality {
  PUBLIC = 'PUBLIC',
  SHARED_WITH_CONSENT = 'SHARED_WITH_CONSENT',
  CONFIDENTIAL = 'CONFIDENTIAL',
}

export enum Priority {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}

export enum RecommendationStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  IMPLEMENTED = 'IMPLEMENTED',
}

export enum ProjectStatus {
  PIPELINE = 'PIPELINE',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

export enum DonorKind {
  MEMBER_STATE = 'MEMBER_STATE',
  REGIONAL_ORGANIZATION = 'REGIONAL_ORGANIZATION',
  UN_FUND = 'UN_FUND',
  NON_GOVERNMENTAL_ORGANIZATION = 'NON_GOVERNMENTAL_ORGANIZATION',
  PRIVATE_SECTOR = 'PRIVATE_SECTOR',
}

export enum ContributionStatus {
  PLEDGED = 'PLEDGED',
  RECEIVED = 'RECEIVED',
}

export enum ProvenanceKind {
  SOURCED = 'SOURCED',
  INFERRED = 'INFERRED',
  SAMPLE = 'SAMPLE',
  RECORDED = 'RECORDED',
}

registerEnumType(EntityKind, {
  name: 'EntityKind',
  description: 'Where a Compact entity sits in (or outside) the United Nations system.',
  valuesConfig: {
    UN_SECRETARIAT: {
      description: 'A department or office of the UN Secretariat (UNOCT, CTED, UNODC…).',
    },
    UN_FUND_OR_PROGRAMME: { description: 'A UN fund or programme (UNDP, UNICEF, UN Women…).' },
    UN_SPECIALIZED_AGENCY: { description: 'A UN specialized agency (ICAO, IMO, UNESCO, WHO…).' },
    UN_RELATED_ORGANIZATION: {
      description: 'An organization related to the UN (IOM, IAEA, OPCW…).',
    },
    UN_RESEARCH_INSTITUTE: { description: 'A UN research and training institute (UNICRI…).' },
    NON_UN_ORGANIZATION: {
      description: 'An organization outside the UN system (INTERPOL, WCO, IPU, FATF).',
    },
  },
});

registerEnumType(WorkingGroupRole, {
  name: 'WorkingGroupRole',
  description: "An entity's role in a working group.",
  valuesConfig: {
    CHAIR: { description: 'Chairs or co-chairs the group.' },
    VICE_CHAIR: { description: 'Vice-chairs the group.' },
    MEMBER: { description: 'Takes part in the group.' },
  },
});

registerEnumType(CommitteeRole, {
  name: 'CommitteeRole',
  description: "An entity's seat on the Compact's Coordination Committee.",
  valuesConfig: {
    CHAIR: { description: 'Chairs the Committee (the Under-Secretary-General of UNOCT).' },
    VICE_CHAIR: { description: 'Vice-chairs the Committee.' },
    SECRETARIAT: { description: 'Serves as the Compact secretariat.' },
    MEMBER: { description: 'Sits on the Committee.' },
  },
});

registerEnumType(Region, {
  name: 'Region',
  description: 'Geographic region of a Member State (continental regions of UN M49).',
  valuesConfig: {
    AFRICA: { description: 'Africa.' },
    AMERICAS: { description: 'North, Central and South America and the Caribbean.' },
    ASIA: { description: 'Asia, including Western Asia.' },
    EUROPE: { description: 'Europe.' },
    OCEANIA: { description: 'Oceania.' },
  },
});

registerEnumType(AssessmentType, {
  name: 'AssessmentType',
  description: 'The kind of CTED assessment, on behalf of the Counter-Terrorism Committee.',
  valuesConfig: {
    ASSESSMENT_VISIT: { description: 'A comprehensive visit to a Member State.' },
    FOLLOW_UP_VISIT: { description: 'A visit that follows up an earlier assessment.' },
    FOCUSED_VISIT: { description: 'A visit on selected themes only.' },
    DESK_REVIEW: { description: 'An assessment made without a visit.' },
  },
});

registerEnumType(AssessmentFormat, {
  name: 'AssessmentFormat',
  description: 'How an assessment was carried out.',
  valuesConfig: {
    IN_PERSON: { description: 'On site in the Member State.' },
    VIRTUAL: { description: 'Entirely by video conference.' },
    HYBRID: { description: 'Partly on site, partly remote.' },
  },
});

registerEnumType(AssessmentStatus, {
  name: 'AssessmentStatus',
  description: 'Where an assessment stands.',
  valuesConfig: {
    PLANNED: { description: 'Agreed with the Member State, not yet started.' },
    IN_PROGRESS: { description: 'Under way.' },
    REPORT_PENDING: { description: 'Finished; the report awaits adoption.' },
    REPORT_ADOPTED: { description: 'The Committee adopted the report.' },
  },
});

registerEnumType(Confidentiality, {
  name: 'Confidentiality',
  description: "Who may read an assessment's report and recommendations.",
  valuesConfig: {
    PUBLIC: { description: 'Anyone.' },
    SHARED_WITH_CONSENT: {
      description:
        'The Member State consented to sharing with the Compact: others see metadata only.',
    },
    CONFIDENTIAL: {
      description: 'CTED and the entities that took part only; not listed for others.',
    },
  },
});

registerEnumType(Priority, {
  name: 'Priority',
  description: 'How urgent a recommendation is.',
  valuesConfig: {
    HIGH: { description: 'Urgent.' },
    MEDIUM: { description: 'Important.' },
    LOW: { description: 'Desirable.' },
  },
});

registerEnumType(RecommendationStatus, {
  name: 'RecommendationStatus',
  description: 'How far a Member State has acted on a recommendation.',
  valuesConfig: {
    OPEN: { description: 'Not acted on yet.' },
    IN_PROGRESS: { description: 'Being implemented.' },
    IMPLEMENTED: { description: 'Implemented.' },
  },
});

registerEnumType(ProjectStatus, {
  name: 'ProjectStatus',
  description: 'Where a capacity-building project stands.',
  valuesConfig: {
    PIPELINE: { description: 'Designed, awaiting funding or approval.' },
    ACTIVE: { description: 'Being implemented.' },
    COMPLETED: { description: 'Finished.' },
    CANCELLED: { description: 'Stopped before completion.' },
  },
});

registerEnumType(DonorKind, {
  name: 'DonorKind',
  description: 'What kind of body a donor is.',
  valuesConfig: {
    MEMBER_STATE: { description: 'A UN Member State.' },
    REGIONAL_ORGANIZATION: { description: 'A regional organization such as the European Union.' },
    UN_FUND: { description: 'A UN pass-through or trust fund.' },
    NON_GOVERNMENTAL_ORGANIZATION: { description: 'A foundation or other non-governmental body.' },
    PRIVATE_SECTOR: { description: 'A company.' },
  },
});

registerEnumType(ContributionStatus, {
  name: 'ContributionStatus',
  description: 'Whether a contribution has been paid.',
  valuesConfig: {
    PLEDGED: { description: 'Promised, not yet received.' },
    RECEIVED: { description: 'Received.' },
  },
});

registerEnumType(ProvenanceKind, {
  name: 'ProvenanceKind',
  description: 'Where a record comes from.',
  valuesConfig: {
    SOURCED: { description: 'Read in the public source that `source` names.' },
    INFERRED: { description: 'Plausible but not read in a source: treat it as sample data.' },
    SAMPLE: { description: 'Invented sample data for demonstration.' },
    RECORDED: {
      description: 'Recorded through the graph by a Compact entity, CTED or an administrator.',
    },
  },
});
