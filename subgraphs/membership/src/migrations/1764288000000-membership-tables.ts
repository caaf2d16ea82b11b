import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PROVENANCE_COLUMNS, runAll, schemaOf } from '../../../shared/src/migration-helpers';
import { seedRunTable } from '../../../shared/src/seeding';

export class MembershipTables1764288000000 implements MigrationInterface {
  name = 'MembershipTables1764288000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runAll(runner, [
      seedRunTable(s),
      `CREATE TABLE ${s}.entity (
        id uuid PRIMARY KEY,
        acronym varchar(32) COLLATE "C" NOT NULL UNIQUE,
        name text NOT NULL,
        kind varchar(32) NOT NULL CHECK (kind IN ('UN_SECRETARIAT', 'UN_FUND_OR_PROGRAMME',
          'UN_SPECIALIZED_AGENCY', 'UN_RELATED_ORGANIZATION', 'UN_RESEARCH_INSTITUTE', 'NON_UN_ORGANIZATION')),
        joined_on date,
        signed_compact_on date,
        is_observer boolean NOT NULL DEFAULT false,
        website text,
        ${PROVENANCE_COLUMNS}
      )`,
      `CREATE INDEX entity_kind_acronym_idx ON ${s}.entity (kind, acronym)`,
      `CREATE TABLE ${s}.working_group (
        id uuid PRIMARY KEY,
        name text COLLATE "C" NOT NULL UNIQUE,
        short_name varchar(32),
        mandate text NOT NULL,
        ${PROVENANCE_COLUMNS}
      )`,
      `CREATE TABLE ${s}.working_group_membership (
        working_group_id uuid NOT NULL REFERENCES ${s}.working_group (id),
        entity_id uuid NOT NULL REFERENCES ${s}.entity (id),
        role varchar(16) NOT NULL CHECK (role IN ('CHAIR', 'VICE_CHAIR', 'MEMBER')),
        since date,
        ${PROVENANCE_COLUMNS},
        PRIMARY KEY (working_group_id, entity_id)
      )`,
      `CREATE INDEX working_group_membership_entity_idx ON ${s}.working_group_membership (entity_id)`,
      `CREATE TABLE ${s}.member_state (
        iso3 char(3) PRIMARY KEY CHECK (iso3 ~ '^[A-Z]{3}$'),
        name text NOT NULL,
        official_name text NOT NULL,
        region varchar(16) NOT NULL CHECK (region IN ('AFRICA', 'AMERICAS', 'ASIA', 'EUROPE', 'OCEANIA')),
        subregion text NOT NULL
      )`,
      `CREATE INDEX member_state_region_idx ON ${s}.member_state (region, iso3)`,
      `CREATE TABLE ${s}.committee_seat (
        entity_id uuid NOT NULL REFERENCES ${s}.entity (id),
        role varchar(16) NOT NULL CHECK (role IN ('CHAIR', 'VICE_CHAIR', 'SECRETARIAT', 'MEMBER')),
        ${PROVENANCE_COLUMNS},
        PRIMARY KEY (entity_id, role)
      )`,
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runAll(runner, [
      `DROP TABLE ${s}.committee_seat`,
      `DROP TABLE ${s}.member_state`,
      `DROP TABLE ${s}.working_group_membership`,
      `DROP TABLE ${s}.working_group`,
      `DROP TABLE ${s}.entity`,
      `DROP TABLE ${s}.seed_run`,
    ]);
  }
}
