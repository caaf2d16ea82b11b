import { recordedProvenanceMigration } from '../../../shared/src/migration-helpers';

/** Rows written through the graph are RECORDED, never mistaken for sample data. */
export const FundingRecordedProvenance1764500000000 = recordedProvenanceMigration(
  'FundingRecordedProvenance1764500000000',
  ['programme', 'appeal', 'donor', 'project', 'contribution', 'indicator', 'evaluation'],
);
