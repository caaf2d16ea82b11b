import type { Dataset } from '../../subgraphs/shared/src/dataset/rows';
import { Confidentiality, ProjectStatus } from '../../subgraphs/shared/src/vocabulary';

/** One write worker's own project and the recommendation it links and unlinks in turn. */
export interface WritePlan {
  projectId: string;
  recommendationId: string;
  /** The recommendation's, by which its coverage is looked up. */
  assessmentId: string;
}

const byKey =
  <T>(key: (row: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/**
 * A project per worker, so that no two workers ever conflict on a version, none cancelled, and a
 * recommendation per worker that no project of the seed lists: each link then makes it addressed
 * and each unlink unaddressed again, the path that delivers coverage to assessments. Its
 * assessment is PUBLIC, so every caller may link it.
 */
export function writePlans(dataset: Dataset, workers: number): WritePlan[] {
  const { assessments, recommendations } = dataset.assessments;
  const { projects } = dataset.funding;
  const listed = new Set(projects.flatMap((p) => p.recommendationIds));
  const open = new Set(
    assessments.filter((a) => a.confidentiality === Confidentiality.PUBLIC).map((a) => a.id),
  );
  const free = recommendations
    .filter((r) => open.has(r.assessmentId) && !listed.has(r.id))
    .sort(byKey((r) => r.id));
  const live = projects
    .filter((p) => p.status !== ProjectStatus.CANCELLED)
    .sort(byKey((p) => p.code));
  if (free.length < workers || live.length < workers)
    throw new Error(
      `${workers} write workers need as many projects and unlisted public recommendations; the data set has ${live.length} and ${free.length}`,
    );
  return Array.from({ length: workers }, (_, i) => ({
    projectId: live[i].id,
    recommendationId: free[i].id,
    assessmentId: free[i].assessmentId,
  }));
}
