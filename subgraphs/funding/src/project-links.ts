import { In, type EntityManager } from 'typeorm';
import {
  ProjectAssessment,
  ProjectBeneficiary,
  ProjectPartner,
  ProjectRecommendation,
  ProjectThematicArea,
} from './entities/project-link.entity';
import type { Project } from './entities/project.entity';

/** The sets of keys a project links to, each in its own table. */
const PROJECT_LINKS = {
  partnerEntities: { target: ProjectPartner, key: 'entityAcronym' },
  beneficiaryStates: { target: ProjectBeneficiary, key: 'memberStateIso3' },
  thematicAreas: { target: ProjectThematicArea, key: 'thematicAreaCode' },
  recommendations: { target: ProjectRecommendation, key: 'recommendationId' },
  assessments: { target: ProjectAssessment, key: 'assessmentId' },
} as const;

export type LinkSet = keyof typeof PROJECT_LINKS;

export type ProjectLinks = Record<LinkSet, string[]>;

/** Every link of each project, each set sorted, in one statement (projects with none get empty sets). */
export async function readLinksOf(
  db: EntityManager,
  projectIds: readonly string[],
): Promise<(ProjectLinks & { id: string })[]> {
  if (!projectIds.length) return [];
  const schema = db.connection.driver.schema;
  const sets = (Object.keys(PROJECT_LINKS) as LinkSet[]).map((set) => {
    const { target, key } = PROJECT_LINKS[set];
    const metadata = db.connection.getMetadata(target);
    const column = metadata.findColumnWithPropertyName(key)!.databaseName;
    return `ARRAY(SELECT ${column}::text FROM "${schema}".${metadata.tableName} WHERE project_id = p.id ORDER BY 1) AS "${set}"`;
  });
  return db.query(`SELECT p.id::text AS id, ${sets.join(', ')} FROM unnest($1::uuid[]) AS p(id)`, [
    projectIds,
  ]);
}

/** Every link of a project, each set sorted, in one statement. */
async function readLinks(tx: EntityManager, projectId: string): Promise<ProjectLinks> {
  const [{ id: _id, ...links }] = await readLinksOf(tx, [projectId]);
  return links;
}

/** A project as the audit log records it: its row and every link. */
export async function projectSnapshot(tx: EntityManager, project: Project) {
  return { ...project, ...(await readLinks(tx, project.id)) };
}

function rows(set: LinkSet, projectId: string, values: readonly string[]) {
  return values.map((value) => ({ projectId, [PROJECT_LINKS[set].key]: value }));
}

/** Adds keys to a set; those already in it stay as they are. */
export async function addLinks(
  tx: EntityManager,
  set: LinkSet,
  projectId: string,
  values: readonly string[],
): Promise<void> {
  if (!values.length) return;
  await tx
    .createQueryBuilder()
    .insert()
    .into(PROJECT_LINKS[set].target)
    .values(rows(set, projectId, [...new Set(values)]) as never)
    .orIgnore()
    .updateEntity(false)
    .execute();
}

/** Removes keys from a set; keys not in it are ignored. */
export async function removeLinks(
  tx: EntityManager,
  set: LinkSet,
  projectId: string,
  values: readonly string[],
): Promise<void> {
  if (!values.length) return;
  const { target, key } = PROJECT_LINKS[set];
  await tx.delete(target, { projectId, [key]: In([...new Set(values)]) });
}

/** Makes a set exactly `values`. */
export async function replaceLinks(
  tx: EntityManager,
  set: LinkSet,
  projectId: string,
  values: readonly string[],
): Promise<void> {
  await tx.delete(PROJECT_LINKS[set].target, { projectId });
  await addLinks(tx, set, projectId, values);
}
