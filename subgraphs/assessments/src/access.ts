import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Viewer } from '../../shared/src/viewer';
import { Confidentiality } from '../../shared/src/vocabulary';

/**
 * Who may see which assessments (DESIGN.md, Access). Every query of assessments or
 * recommendations goes through these conditions, so lists, lookups, counts and `_entities`
 * agree on what a caller sees.
 *
 * - listed: PUBLIC and SHARED_WITH_CONSENT for everyone; CONFIDENTIAL only for `cted`, `admin`
 *   and the entities that took part (the lead, CTED, among them).
 * - contents (recommendations): PUBLIC for everyone; SHARED_WITH_CONSENT for signed-in Compact
 *   entities; CONFIDENTIAL as listed.
 */
export class AssessmentAccess {
  constructor(
    private readonly viewer: Viewer,
    private readonly schema: string,
  ) {}

  get seesEverything(): boolean {
    return this.viewer.roles.has('cted') || this.viewer.roles.has('admin');
  }

  /** The caller's entity led the assessment or took part in it. */
  private participates(alias: string): string {
    return `(${alias}.leadEntityAcronym = :viewerEntity OR EXISTS (
      SELECT 1 FROM "${this.schema}".assessment_participant p
      WHERE p.assessment_id = ${alias}.id AND p.entity_acronym = :viewerEntity))`;
  }

  /** Restricts a query of assessments (aliased `alias`) to those the caller may list. */
  listed<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias = query.alias) {
    if (this.seesEverything) return query;
    const open = `${alias}.confidentiality IN ('${Confidentiality.PUBLIC}', '${Confidentiality.SHARED_WITH_CONSENT}')`;
    if (!this.viewer.entity) return query.andWhere(open);
    return query.andWhere(`(${open} OR ${this.participates(alias)})`, {
      viewerEntity: this.viewer.entity,
    });
  }

  /** Restricts a query of assessments to those whose recommendations the caller may read. */
  readable<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias = query.alias) {
    if (this.seesEverything) return query;
    if (!this.viewer.entity) {
      return query.andWhere(`${alias}.confidentiality = '${Confidentiality.PUBLIC}'`);
    }
    return query.andWhere(
      `(${alias}.confidentiality <> '${Confidentiality.CONFIDENTIAL}' OR ${this.participates(alias)})`,
      { viewerEntity: this.viewer.entity },
    );
  }

  /** Whether the caller may read the recommendations of an assessment already listed to them. */
  canRead(confidentiality: Confidentiality): boolean {
    if (this.seesEverything || confidentiality === Confidentiality.PUBLIC) return true;
    // A listed CONFIDENTIAL assessment is one the caller's entity took part in.
    return this.viewer.entity !== null;
  }
}
