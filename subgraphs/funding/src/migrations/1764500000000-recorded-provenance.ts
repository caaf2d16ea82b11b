import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  recordedProvenance,
  revertRecordedProvenance,
  runAll,
  schemaOf,
} from '../../../shared/src/migration-helpers';

const TABLES = [
  'programme',
  'appeal',
  'donor',
  'project',
  'contribution',
  'indicator',
  'evaluation',
];

/** Rows written through the graph are RECORDED, never mistaken for sample data. */
export class FundingRecordedProvenance1764500000000 implements MigrationInterface {
  name = 'FundingRecordedProvenance1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runAll(runner, recordedProvenance(schemaOf(runner), TABLES));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runAll(runner, revertRecordedProvenance(schemaOf(runner), TABLES));
  }
}
