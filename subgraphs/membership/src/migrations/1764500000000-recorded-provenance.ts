import { recordedProvenanceMigration } from '../../../shared/src/migration-helpers';

/** Rows written through the graph are RECORDED, never mistaken for sample data. */
export const MembershipRecordedProvenance1764500000000 = recordedProvenanceMigration(
  'MembershipRecordedProvenance1764500000000',
  ['entity', 'working_group', 'working_group_membership', 'committee_seat'],
);
