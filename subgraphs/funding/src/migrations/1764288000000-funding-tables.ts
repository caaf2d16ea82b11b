import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PROVENANCE_COLUMNS, runAll, schemaOf } from '../../../shared/src/migration-helpers';
import { seedRunTable } from '../../../shared/src/seeding';

export class FundingTables1764288000000 implements MigrationInterface {
  name = 'FundingTables1764288000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runAll(runner, [
      seedRunTable(s),
      `CREATE TABLE ${s}.programme (
        id uuid PRIMARY KEY,
        name text COLLATE "C" NOT NULL UNIQUE,
        short_name varchar(64),
        lead_entity_acronym varchar(32) NOT NULL,
        launched_on date,
        ${PROVENANCE_COLUMNS}
      )`,
      `CREATE INDEX programme_lead_idx ON ${s}.programme (lead_entity_acronym)`,
      `CREATE TABLE ${s}.appeal (
        id uuid PRIMARY KEY,
        title text NOT NULL UNIQUE,
        period_start integer NOT NULL,
        period_end integer NOT NULL CHECK (period_end >= period_start),
        requested numeric(16, 2) NOT NULL CHECK (requested >= 0),
        currency char(3) NOT NULL,
        ${PROVENANCE_COLUMNS}
      )`,
      `CREATE TABLE ${s}.donor (
        id uuid PRIMARY KEY,
        name text COLLATE "C" NOT NULL UNIQUE,
        kind varchar(32) NOT NULL CHECK (kind IN ('MEMBER_STATE', 'REGIONAL_ORGANIZATION', 'UN_FUND',
          'NON_GOVERNMENTAL_ORGANIZATION', 'PRIVATE_SECTOR')),
        member_state_iso3 char(3),
        ${PROVENANCE_COLUMNS}
      )`,
      `CREATE INDEX donor_state_idx ON ${s}.donor (member_state_iso3)`,
      `CREATE TABLE ${s}.project (
        id uuid PRIMARY KEY,
        code varchar(32) COLLATE "C" NOT NULL UNIQUE,
        title text NOT NULL,
        summary text NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('PIPELINE', 'ACTIVE', 'COMPLETED', 'CANCELLED')),
        lead_entity_acronym varchar(32) NOT NULL,
        programme_id uuid REFERENCES ${s}.programme (id),
        appeal_id uuid REFERENCES ${s}.appeal (id),
        starts_on date NOT NULL,
        ends_on date CHECK (ends_on >= starts_on),
        budget numeric(16, 2) NOT NULL CHECK (budget >= 0),
        currency char(3) NOT NULL,
        ${PROVENANCE_COLUMNS}
      )`,
      // Lists are read in order of code: each filter's index ends with it.
      `CREATE INDEX project_status_idx ON ${s}.project (status, code)`,
      `CREATE INDEX project_lead_idx ON ${s}.project (lead_entity_acronym, code)`,
      `CREATE INDEX project_programme_idx ON ${s}.project (programme_id, code)`,
      `CREATE INDEX project_appeal_idx ON ${s}.project (appeal_id, code)`,
      `CREATE TABLE ${s}.project_partner (
        project_id uuid NOT NULL REFERENCES ${s}.project (id) ON DELETE CASCADE,
        entity_acronym varchar(32) NOT NULL,
        PRIMARY KEY (project_id, entity_acronym)
      )`,
      `CREATE INDEX project_partner_entity_idx ON ${s}.project_partner (entity_acronym, project_id)`,
      `CREATE TABLE ${s}.project_beneficiary (
        project_id uuid NOT NULL REFERENCES ${s}.project (id) ON DELETE CASCADE,
        member_state_iso3 char(3) NOT NULL CHECK (member_state_iso3 ~ '^[A-Z]{3}$'),
        PRIMARY KEY (project_id, member_state_iso3)
      )`,
      `CREATE INDEX project_beneficiary_state_idx ON ${s}.project_beneficiary (member_state_iso3, project_id)`,
      `CREATE TABLE ${s}.project_thematic_area (
        project_id uuid NOT NULL REFERENCES ${s}.project (id) ON DELETE CASCADE,
        thematic_area_code varchar(32) NOT NULL,
        PRIMARY KEY (project_id, thematic_area_code)
      )`,
      `CREATE INDEX project_thematic_area_code_idx ON ${s}.project_thematic_area (thematic_area_code, project_id)`,
      `CREATE TABLE ${s}.project_recommendation (
        project_id uuid NOT NULL REFERENCES ${s}.project (id) ON DELETE CASCADE,
        recommendation_id uuid NOT NULL,
        PRIMARY KEY (project_id, recommendation_id)
      )`,
      `CREATE INDEX project_recommendation_rec_idx ON ${s}.project_recommendation (recommendation_id, project_id)`,
      `CREATE TABLE ${s}.project_assessment (
        project_id uuid NOT NULL REFERENCES ${s}.project (id) ON DELETE CASCADE,
        assessment_id uuid NOT NULL,
        PRIMARY KEY (project_id, assessment_id)
      )`,
      `CREATE INDEX project_assessment_assessment_idx ON ${s}.project_assessment (assessment_id, project_id)`,
      `CREATE TABLE ${s}.contribution (
        id uuid PRIMARY KEY,
        donor_id uuid NOT NULL REFERENCES ${s}.donor (id),
        project_id uuid REFERENCES ${s}.project (id),
        programme_id uuid REFERENCES ${s}.programme (id),
        amount numeric(16, 2) NOT NULL CHECK (amount > 0),
        currency char(3) NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('PLEDGED', 'RECEIVED')),
        pledged_on date NOT NULL,
        received_on date CHECK (received_on >= pledged_on),
        earmarked boolean NOT NULL,
        ${PROVENANCE_COLUMNS},
        CHECK (project_id IS NOT NULL OR programme_id IS NOT NULL),
        CHECK ((status = 'RECEIVED') = (received_on IS NOT NULL))
      )`,
      `CREATE INDEX contribution_donor_idx ON ${s}.contribution (donor_id, pledged_on, id)`,
      `CREATE INDEX contribution_project_idx ON ${s}.contribution (project_id, pledged_on, id)`,
      `CREATE INDEX contribution_programme_idx ON ${s}.contribution (programme_id, pledged_on, id)`,
      `CREATE INDEX contribution_pledged_idx ON ${s}.contribution (pledged_on, id)`,
      `CREATE INDEX contribution_status_idx ON ${s}.contribution (status, pledged_on, id)`,
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runAll(
      runner,
      [
        'contribution',
        'project_assessment',
        'project_recommendation',
        'project_thematic_area',
        'project_beneficiary',
        'project_partner',
        'project',
        'donor',
        'appeal',
        'programme',
        'seed_run',
      ].map((table) => `DROP TABLE ${s}.${table}`),
    );
  }
}
