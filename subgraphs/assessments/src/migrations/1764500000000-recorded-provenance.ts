import { recordedProvenanceMigration } from '../../../shared/src/migration-helpers';

/** Rows written through the graph are RECORDED, never mistaken for sample data. */
export const AssessmentsRecordedProvenance1764500000000 = recordedProvenanceMigration(
  'AssessmentsRecordedProvenance1764500000000',
  ['thematic_area', 'resolution', 'assessment', 'recommendation'],
);
