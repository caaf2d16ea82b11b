import { ProvenanceKind } from '../vocabulary';
import { factDonors, factProgrammes } from './facts';
import { stableId } from './ids';
import { Random } from './random';
import type { AppealRow, AssessmentsData, FundingData, MemberStateRow } from './rows';
import { buildContributions } from './sample-contributions';
import { buildProjects } from './sample-projects';

/** The Compact's Multi-Year Appeals. Neither figure was read in compact-facts.json. */
function appeals(): AppealRow[] {
  const appeal = (
    periodStart: number,
    periodEnd: number,
    rest: Omit<AppealRow, 'id' | 'title' | 'periodStart' | 'periodEnd'>,
  ): AppealRow => ({
    id: stableId('appeal', `${periodStart}-${periodEnd}`, `${periodStart}-01-01`),
    title: `Global Counter-Terrorism Coordination Compact Multi-Year Appeal ${periodStart}–${periodEnd}`,
    periodStart,
    periodEnd,
    ...rest,
  });
  return [
    appeal(2019, 2020, {
      requested: '194000000.00',
      provenance: ProvenanceKind.INFERRED,
      source: 'https://www.un.org/counterterrorism/2019-2020-multi-year-appeal',
      notes:
        'USD 194 million for 60 projects, as the project design states; the amount was not read in compact-facts.json.',
    }),
    appeal(2021, 2022, {
      requested: '150000000.00',
      provenance: ProvenanceKind.INFERRED,
      source:
        'http://ddevloper.com/counterterrorism/the-appeal (mirror of https://www.un.org/counterterrorism/the-appeal)',
      notes:
        'The facts name this appeal; the requested amount is illustrative, not read in a source.',
    }),
  ];
}

/** The funding subgraph's rows: sourced programmes and donors, sample projects and money. */
export function buildFunding(
  states: MemberStateRow[],
  assessments: AssessmentsData,
  scale: number,
): FundingData {
  const rng = new Random(`funding:${scale}`);
  const programmes = factProgrammes();
  const donors = factDonors(states);
  const appealRows = appeals();
  const projects = buildProjects(rng, scale, {
    states,
    assessments,
    programmes,
    appeals: appealRows,
  });
  const programmeRows = programmes.map((p) => p.row);
  return {
    programmes: programmeRows,
    appeals: appealRows,
    donors: donors.map((d) => d.row),
    projects,
    contributions: buildContributions(rng, scale, projects, programmeRows, donors),
  };
}
