import { AssessmentsTables1764288000000 } from './1764288000000-assessments-tables';

/** Migrations in the order they apply. */
export const assessmentsMigrations = [AssessmentsTables1764288000000];
