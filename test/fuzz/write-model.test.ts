import { buildDataset } from '../../subgraphs/shared/src/dataset/build';
import { modelOf, type Tables } from './write-model';

/** The seed as SQL would read it: nothing deleted yet. */
function seedTables(): Tables {
  const { membership, assessments, funding } = structuredClone(buildDataset());
  const live = <T>(rows: T[]) => rows.map((row) => ({ ...row, deleted: false }));
  return {
    entities: membership.entities,
    memberStates: membership.memberStates,
    thematicAreas: assessments.thematicAreas,
    assessments: assessments.assessments,
    recommendations: live(assessments.recommendations),
    programmes: funding.programmes,
    appeals: funding.appeals,
    donors: funding.donors,
    projects: live(funding.projects),
    contributions: live(funding.contributions),
  };
}

describe('modelOf', () => {
  test('the seed read back is the seed, and breaks no rule', () => {
    const model = modelOf(seedTables());
    const seed = buildDataset();
    expect(model.data.funding.projects).toEqual(seed.funding.projects);
    expect(model.data.assessments.recommendations).toEqual(seed.assessments.recommendations);
    expect(model.data.funding.contributions).toEqual(seed.funding.contributions);
    expect(model.broken).toEqual([]);
    expect(model.deletedProjects).toEqual([]);
  });

  test('deleted rows leave the model; deleted projects can be restored', () => {
    const tables = seedTables();
    const [project] = tables.projects;
    project!.deleted = true;
    tables.contributions
      .filter((c) => c.projectId === project!.id)
      .forEach((c) => (c.deleted = true));
    tables.recommendations[0]!.deleted = true;
    const model = modelOf(tables);
    expect(model.data.funding.projects.map((p) => p.id)).not.toContain(project!.id);
    expect(model.data.funding.contributions.some((c) => c.projectId === project!.id)).toBe(false);
    expect(model.data.assessments.recommendations).toHaveLength(tables.recommendations.length - 1);
    expect(model.deletedProjects).toEqual([
      { id: project!.id, leadEntityAcronym: project!.leadEntityAcronym },
    ]);
    expect(model.broken).toEqual([]);
  });

  test("a link to a deleted recommendation stays in funding's rows and counts nowhere", () => {
    const tables = seedTables();
    const linking = tables.projects.find((p) => p.recommendationIds.length > 0)!;
    const [gone] = linking.recommendationIds;
    tables.recommendations.find((r) => r.id === gone)!.deleted = true;
    const model = modelOf(tables);
    const project = model.data.funding.projects.find((p) => p.id === linking.id)!;
    expect(project.recommendationIds).not.toContain(gone);
    expect(project.recommendationIds).toHaveLength(linking.recommendationIds.length - 1);
  });

  test('a live contribution to a deleted project, and a link to an id never known, break rules', () => {
    const tables = seedTables();
    const funded = tables.projects.find((p) =>
      tables.contributions.some((c) => c.projectId === p.id),
    )!;
    funded.deleted = true;
    const other = tables.projects.find((p) => p !== funded)!;
    other.recommendationIds.push('00000000-0000-7000-8000-000000000001');
    const { broken } = modelOf(tables);
    expect(broken).toContainEqual(
      expect.stringMatching(new RegExp(`is live, to project ${funded.code}, deleted$`)),
    );
    expect(broken).toContain(
      `project ${other.code} links recommendation 00000000-0000-7000-8000-000000000001, which never existed`,
    );
  });
});
