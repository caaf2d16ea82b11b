import type { ContributionRow, ProjectRow } from '../../subgraphs/shared/src/dataset/rows';
import { ContributionStatus, Priority, ProjectStatus } from '../../subgraphs/shared/src/vocabulary';
import { firstPage } from './connection';
import { atLeastZero, cents, sumCents, usd } from './money';
import { byId, byProjectCode, contributionOrder, isReadable, seed } from './seed';

const amounts = (rows: readonly ContributionRow[]) => rows.map((c) => c.amount);
const received = (rows: readonly ContributionRow[]) =>
  rows.filter((c) => c.status === ContributionStatus.RECEIVED);

/** `Project.funded`: every contribution to it, pledged or received, in cents. */
export function fundedCents(project: ProjectRow): bigint {
  return sumCents(amounts(seed().contributionsTo(project.id)));
}

/** `Project.recommendations`: by id, only those an anonymous caller may read. */
function projectRecommendations(project: ProjectRow) {
  const s = seed();
  return [...project.recommendationIds]
    .map((id) => s.recommendation(id))
    .sort(byId)
    .filter(isReadable)
    .map((r) => ({
      id: r.id,
      text: r.text,
      priority: r.priority,
      thematicArea: {
        code: r.thematicAreaCode,
        name: s.thematicArea(r.thematicAreaCode).name,
      },
    }));
}

/** Question 4: `DonorTrail(id, first)`. */
export function expectedDonorTrail(id: string, first = 100) {
  const s = seed();
  const donor = s.donor(id);
  const given = s.data.funding.contributions
    .filter((c) => c.donorId === id)
    .sort(contributionOrder);
  const nodes = given.map((c) => {
    const project = c.projectId ? s.project(c.projectId) : null;
    return {
      id: c.id,
      status: c.status,
      pledgedOn: c.pledgedOn,
      amount: usd(cents(c.amount)),
      project: project && {
        code: project.code,
        title: project.title,
        recommendations: projectRecommendations(project),
      },
    };
  });
  return {
    donor: {
      name: donor.name,
      kind: donor.kind,
      totalContributed: usd(sumCents(amounts(given))),
      contributions: firstPage(nodes, first),
    },
  };
}

/** Question 5: `ThematicAreaOverview(code)`. */
export function expectedThematicArea(code: string) {
  const s = seed();
  const area = s.thematicArea(code);
  const readable = s.data.assessments.recommendations.filter(
    (r) => r.thematicAreaCode === code && isReadable(r),
  );
  const projects = s.data.funding.projects
    .filter((p) => p.thematicAreaCodes.includes(code))
    .sort(byProjectCode);
  const funded = projects.filter((p) => p.status !== ProjectStatus.CANCELLED);
  const given = funded.flatMap((p) => s.contributionsTo(p.id));
  const budget = sumCents(funded.map((p) => p.budget));
  const pledged = sumCents(amounts(given));
  return {
    thematicArea: {
      code: area.code,
      name: area.name,
      recommendationsByPriority: [Priority.HIGH, Priority.MEDIUM, Priority.LOW].map((priority) => ({
        priority,
        count: readable.filter((r) => r.priority === priority).length,
      })),
      funding: {
        projects: funded.length,
        budget: usd(budget),
        funded: usd(pledged),
        received: usd(sumCents(amounts(received(given)))),
        gap: usd(atLeastZero(budget - pledged)),
      },
      projects: firstPage(
        projects.map((p) => ({
          code: p.code,
          title: p.title,
          status: p.status,
          budget: { amount: usd(cents(p.budget)).amount },
          funded: { amount: usd(fundedCents(p)).amount },
        })),
        100,
      ),
    },
  };
}
