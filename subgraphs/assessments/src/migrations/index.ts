import { AssessmentsTables1764288000000 } from './1764288000000-assessments-tables';
import { AssessmentsWrites1764400000000 } from './1764400000000-assessments-writes';
import { AssessmentsRecordedProvenance1764500000000 } from './1764500000000-recorded-provenance';
import { AssessmentsRecommendationAddressed1764600000000 } from './1764600000000-recommendation-addressed';
import { AssessmentsRecommendationSearch1764700000000 } from './1764700000000-recommendation-search';
import { AssessmentsIdempotencyKeyAge1764800000000 } from './1764800000000-idempotency-key-age';

/** Migrations in the order they apply. */
export const assessmentsMigrations = [
  AssessmentsTables1764288000000,
  AssessmentsWrites1764400000000,
  AssessmentsRecordedProvenance1764500000000,
  AssessmentsRecommendationAddressed1764600000000,
  AssessmentsRecommendationSearch1764700000000,
  AssessmentsIdempotencyKeyAge1764800000000,
];
