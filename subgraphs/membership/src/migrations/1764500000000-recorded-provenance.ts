import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  recordedProvenance,
  revertRecordedProvenance,
  runAll,
  schemaOf,
} from '../../../shared/src/migration-helpers';

const TABLES = ['entity', 'working_group', 'working_group_membership', 'committee_seat'];

/** Rows written through the graph are RECORDED, never mistaken for sample data. */
export class MembershipRecordedProvenance1764500000000 implements MigrationInterface {
  name = 'MembershipRecordedProvenance1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runAll(runner, recordedProvenance(schemaOf(runner), TABLES));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runAll(runner, revertRecordedProvenance(schemaOf(runner), TABLES));
  }
}
