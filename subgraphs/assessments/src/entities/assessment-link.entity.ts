import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The entities (by acronym) that took part in an assessment besides CTED. */
@Entity({ name: 'assessment_participant' })
export class AssessmentParticipant {
  @PrimaryColumn({ name: 'assessment_id', type: 'uuid' })
  assessmentId!: string;

  @PrimaryColumn({ name: 'entity_acronym', type: 'varchar', length: 32 })
  entityAcronym!: string;
}

/** The resolutions an assessment refers to. */
@Entity({ name: 'assessment_resolution' })
export class AssessmentResolution {
  @PrimaryColumn({ name: 'assessment_id', type: 'uuid' })
  assessmentId!: string;

  @PrimaryColumn({ name: 'resolution_symbol', type: 'varchar', length: 32 })
  resolutionSymbol!: string;
}

/** The thematic areas an assessment covers. */
@Entity({ name: 'assessment_thematic_area' })
export class AssessmentThematicArea {
  @PrimaryColumn({ name: 'assessment_id', type: 'uuid' })
  assessmentId!: string;

  @PrimaryColumn({ name: 'thematic_area_code', type: 'varchar', length: 32 })
  thematicAreaCode!: string;
}

/**
 * Whether a live project addresses a recommendation, as funding's outbox reports it; written
 * only by `recordAddressed` (coverage/addressed.ts).
 */
@Entity({ name: 'recommendation_addressed' })
export class RecommendationAddressed {
  @PrimaryColumn({ name: 'recommendation_id', type: 'uuid' })
  recommendationId!: string;

  @Column({ type: 'boolean' })
  addressed!: boolean;

  @Column({ type: 'bigint' })
  seq!: string;
}
