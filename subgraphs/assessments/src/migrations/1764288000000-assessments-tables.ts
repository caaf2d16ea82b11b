import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PROVENANCE_COLUMNS, runAll, schemaOf } from '../../../shared/src/migration-helpers';
import { seedRunTable } from '../../../shared/src/seeding';

export class AssessmentsTables1764288000000 implements MigrationInterface {
  name = 'AssessmentsTables1764288000000';

  async up(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runAll(runner, [
      seedRunTable(s),
      `CREATE TABLE ${s}.thematic_area (
        code varchar(32) COLLATE "C" PRIMARY KEY,
        name text COLLATE "C" NOT NULL,
        ${PROVENANCE_COLUMNS}
      )`,
      `CREATE TABLE ${s}.resolution (
        symbol varchar(32) COLLATE "C" PRIMARY KEY,
        number varchar(16) NOT NULL,
        year integer NOT NULL,
        body text NOT NULL,
        subject text NOT NULL,
        ${PROVENANCE_COLUMNS}
      )`,
      `CREATE TABLE ${s}.assessment (
        id uuid PRIMARY KEY,
        member_state_iso3 char(3) NOT NULL CHECK (member_state_iso3 ~ '^[A-Z]{3}$'),
        type varchar(24) NOT NULL
          CHECK (type IN ('ASSESSMENT_VISIT', 'FOLLOW_UP_VISIT', 'FOCUSED_VISIT', 'DESK_REVIEW')),
        format varchar(16) NOT NULL CHECK (format IN ('IN_PERSON', 'VIRTUAL', 'HYBRID')),
        started_on date NOT NULL,
        ended_on date CHECK (ended_on >= started_on),
        status varchar(16) NOT NULL
          CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'REPORT_PENDING', 'REPORT_ADOPTED')),
        confidentiality varchar(24) NOT NULL
          CHECK (confidentiality IN ('PUBLIC', 'SHARED_WITH_CONSENT', 'CONFIDENTIAL')),
        lead_entity_acronym varchar(32) NOT NULL,
        ${PROVENANCE_COLUMNS}
      )`,
      // Lists are read newest first: (started_on, id) descending is the keyset order.
      `CREATE INDEX assessment_started_idx ON ${s}.assessment (started_on, id)`,
      `CREATE INDEX assessment_state_idx ON ${s}.assessment (member_state_iso3, started_on, id)`,
      `CREATE INDEX assessment_type_idx ON ${s}.assessment (type, started_on, id)`,
      `CREATE INDEX assessment_status_idx ON ${s}.assessment (status, started_on, id)`,
      `CREATE INDEX assessment_lead_idx ON ${s}.assessment (lead_entity_acronym, started_on, id)`,
      `CREATE INDEX assessment_confidentiality_idx ON ${s}.assessment (confidentiality, started_on, id)`,
      `CREATE TABLE ${s}.assessment_participant (
        assessment_id uuid NOT NULL REFERENCES ${s}.assessment (id) ON DELETE CASCADE,
        entity_acronym varchar(32) NOT NULL,
        PRIMARY KEY (assessment_id, entity_acronym)
      )`,
      `CREATE INDEX assessment_participant_entity_idx ON ${s}.assessment_participant (entity_acronym, assessment_id)`,
      `CREATE TABLE ${s}.assessment_resolution (
        assessment_id uuid NOT NULL REFERENCES ${s}.assessment (id) ON DELETE CASCADE,
        resolution_symbol varchar(32) NOT NULL REFERENCES ${s}.resolution (symbol),
        PRIMARY KEY (assessment_id, resolution_symbol)
      )`,
      `CREATE INDEX assessment_resolution_symbol_idx ON ${s}.assessment_resolution (resolution_symbol)`,
      `CREATE TABLE ${s}.assessment_thematic_area (
        assessment_id uuid NOT NULL REFERENCES ${s}.assessment (id) ON DELETE CASCADE,
        thematic_area_code varchar(32) NOT NULL REFERENCES ${s}.thematic_area (code),
        PRIMARY KEY (assessment_id, thematic_area_code)
      )`,
      `CREATE INDEX assessment_thematic_area_code_idx ON ${s}.assessment_thematic_area (thematic_area_code, assessment_id)`,
      `CREATE TABLE ${s}.recommendation (
        id uuid PRIMARY KEY,
        assessment_id uuid NOT NULL REFERENCES ${s}.assessment (id),
        member_state_iso3 char(3) NOT NULL,
        thematic_area_code varchar(32) NOT NULL REFERENCES ${s}.thematic_area (code),
        number integer NOT NULL CHECK (number > 0),
        text text NOT NULL,
        priority varchar(8) NOT NULL CHECK (priority IN ('HIGH', 'MEDIUM', 'LOW')),
        technical_assistance_needed boolean NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'IMPLEMENTED')),
        ${PROVENANCE_COLUMNS},
        UNIQUE (assessment_id, number)
      )`,
      `CREATE INDEX recommendation_state_idx ON ${s}.recommendation (member_state_iso3, id)`,
      `CREATE INDEX recommendation_priority_idx ON ${s}.recommendation (priority, id)`,
      `CREATE INDEX recommendation_status_idx ON ${s}.recommendation (status, id)`,
      `CREATE INDEX recommendation_area_idx ON ${s}.recommendation (thematic_area_code, priority, id)`,
      `CREATE INDEX recommendation_assistance_idx ON ${s}.recommendation (id)
        WHERE technical_assistance_needed`,
    ]);
  }

  async down(runner: QueryRunner): Promise<void> {
    const s = schemaOf(runner);
    await runAll(runner, [
      `DROP TABLE ${s}.recommendation`,
      `DROP TABLE ${s}.assessment_thematic_area`,
      `DROP TABLE ${s}.assessment_resolution`,
      `DROP TABLE ${s}.assessment_participant`,
      `DROP TABLE ${s}.assessment`,
      `DROP TABLE ${s}.resolution`,
      `DROP TABLE ${s}.thematic_area`,
      `DROP TABLE ${s}.seed_run`,
    ]);
  }
}
