import { buildDataset } from '../../subgraphs/shared/src/dataset/build';
import { Confidentiality, ProjectStatus } from '../../subgraphs/shared/src/vocabulary';
import { writePlans } from './write-plan';

test('writePlans gives each worker its own live project and an unlisted public recommendation', () => {
  const dataset = buildDataset({ scale: 1 });
  const plans = writePlans(dataset, 4);
  expect(new Set(plans.map((p) => p.projectId)).size).toBe(4);
  expect(new Set(plans.map((p) => p.recommendationId)).size).toBe(4);
  const { projects } = dataset.funding;
  const { assessments, recommendations } = dataset.assessments;
  for (const plan of plans) {
    expect(projects.find((p) => p.id === plan.projectId)?.status).not.toBe(ProjectStatus.CANCELLED);
    expect(projects.some((p) => p.recommendationIds.includes(plan.recommendationId))).toBe(false);
    const recommendation = recommendations.find((r) => r.id === plan.recommendationId)!;
    expect(assessments.find((a) => a.id === recommendation.assessmentId)?.confidentiality).toBe(
      Confidentiality.PUBLIC,
    );
  }
  expect(writePlans(dataset, 4)).toEqual(plans);
  expect(() => writePlans(dataset, 10_000)).toThrow(/10000 write workers/);
});
