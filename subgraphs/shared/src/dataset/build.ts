import statesJson from '../../data/member-states.json';
import { Region } from '../vocabulary';
import type { Dataset, MemberStateRow } from './rows';
import { buildAssessments } from './sample-assessments';
import { buildFunding } from './sample-funding';
import { buildMembership } from './sample-membership';

export interface BuildOptions {
  /**
   * Multiplies the assessments (30), recommendations (150), projects (80) and contributions
   * (200); vocabularies, entities, States, working groups, programmes, appeals and donors stay.
   * @default 1
   */
  scale?: number;
}

const REGIONS = new Set<string>(Object.values(Region));
let states: MemberStateRow[] | undefined;
const datasets = new Map<number, Dataset>();

/** The 193 UN Member States, sorted by ISO3. Shared: treat as read-only. */
export function memberStates(): MemberStateRow[] {
  states ??= statesJson.map((row) => {
    if (!REGIONS.has(row.region)) throw new Error(`member-states.json: bad region for ${row.iso3}`);
    return { ...row, region: row.region as Region };
  });
  return states;
}

/**
 * One consistent data set for the whole graph, the same for a given scale in every build and
 * every process. It is memoised per scale and shared: treat it as read-only.
 */
export function buildDataset({ scale = 1 }: BuildOptions = {}): Dataset {
  if (!Number.isInteger(scale) || scale < 1) {
    throw new RangeError(`buildDataset: scale must be a positive integer; got ${scale}`);
  }
  let dataset = datasets.get(scale);
  if (!dataset) {
    const rows = memberStates();
    const assessments = buildAssessments(rows, scale);
    dataset = {
      membership: buildMembership(rows),
      assessments,
      funding: buildFunding(rows, assessments, scale),
    };
    datasets.set(scale, dataset);
  }
  return dataset;
}
