import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '../../../shared/src/migration-helpers';

/** Backs the `isObserver` filter of `entities`, in the list's acronym order. */
export class EntityObserverIndex1764300000000 implements MigrationInterface {
  name = 'EntityObserverIndex1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE INDEX entity_observer_idx ON ${schemaOf(runner)}.entity (is_observer, acronym)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX ${schemaOf(runner)}.entity_observer_idx`);
  }
}
