import { FundingTables1764288000000 } from './1764288000000-funding-tables';
import { FundingWrites1764400000000 } from './1764400000000-funding-writes';

/** Migrations in the order they apply. */
export const fundingMigrations = [FundingTables1764288000000, FundingWrites1764400000000];
