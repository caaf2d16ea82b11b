import { Entity, PrimaryColumn } from 'typeorm';

/** Entities (by acronym) that implement a project beside its lead. */
@Entity({ name: 'project_partner' })
export class ProjectPartner {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @PrimaryColumn({ name: 'entity_acronym', type: 'varchar', length: 32 })
  entityAcronym!: string;
}

/** Member States a project benefits. */
@Entity({ name: 'project_beneficiary' })
export class ProjectBeneficiary {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @PrimaryColumn({ name: 'member_state_iso3', type: 'char', length: 3 })
  memberStateIso3!: string;
}

/** Thematic areas a project works in. */
@Entity({ name: 'project_thematic_area' })
export class ProjectThematicArea {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @PrimaryColumn({ name: 'thematic_area_code', type: 'varchar', length: 32 })
  thematicAreaCode!: string;
}

/** CTED recommendations a project addresses. */
@Entity({ name: 'project_recommendation' })
export class ProjectRecommendation {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @PrimaryColumn({ name: 'recommendation_id', type: 'uuid' })
  recommendationId!: string;
}

/** CTED assessments a project uses, as resolution 2395 (2017) asks. */
@Entity({ name: 'project_assessment' })
export class ProjectAssessment {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @PrimaryColumn({ name: 'assessment_id', type: 'uuid' })
  assessmentId!: string;
}
