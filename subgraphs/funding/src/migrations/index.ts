import { FundingTables1764288000000 } from './1764288000000-funding-tables';

/** Migrations in the order they apply. */
export const fundingMigrations = [FundingTables1764288000000];
