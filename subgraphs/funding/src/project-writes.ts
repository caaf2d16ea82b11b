import type { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import { forbidden, isEditorOf, requireRole, type Viewer } from '../../shared/src/viewer';
import { lockVersion, notFound, type Write } from '../../shared/src/writes';
import { Project } from './entities/project.entity';
import { affectedRecommendations, recordChanged } from './addressed/outbox';
import { projectSnapshot } from './project-links';

/** What the errors say the caller was trying to do. */
export const PROJECT_ACTION = 'change projects';

/**
 * Refuses a caller who may not write the projects `lead` leads: `admin` writes all, an `editor`
 * those of the entity in their token (DESIGN.md, Access).
 */
export function requireProjectWriter(viewer: Viewer, lead: string): void {
  requireRole(viewer, ['admin', 'editor'], PROJECT_ACTION);
  if (viewer.roles.has('admin') || isEditorOf(viewer, lead)) return;
  throw forbidden(
    `Only "admin" or an "editor" of ${lead} may change projects led by ${lead}${viewer.entity ? `; your token is for ${viewer.entity}` : ''}. Nothing was changed.`,
  );
}

/** A project that exists (and is not deleted), once the caller has been allowed to write it. */
export async function projectToWrite(
  manager: EntityManager,
  viewer: Viewer,
  id: string,
): Promise<Project> {
  requireRole(viewer, ['admin', 'editor'], PROJECT_ACTION);
  const project = await manager.findOneBy(Project, { id });
  if (!project) throw notFound(`Project ${id}`);
  requireProjectWriter(viewer, project.leadEntityAcronym);
  return project;
}

/**
 * A record that belongs to a project (an indicator, an evaluation), once the caller has been
 * allowed to write that project. A record of a deleted project is gone with it.
 */
export async function partToWrite<T extends { id: string; projectId: string }>(
  manager: EntityManager,
  viewer: Viewer,
  target: EntityTarget<T>,
  id: string,
  what: string,
): Promise<T> {
  requireRole(viewer, ['admin', 'editor'], PROJECT_ACTION);
  const row = await manager.findOneBy(target, { id } as FindOptionsWhere<T>);
  const project = row && (await manager.findOneBy(Project, { id: row.projectId }));
  if (!row || !project) throw notFound(`${what} ${id}`);
  requireProjectWriter(viewer, project.leadEntityAcronym);
  return row;
}

/**
 * In a write's transaction: locks the project, checks the caller read its current version, and
 * checks again that they may write it (its lead may have changed since they were first let in).
 */
export async function lockProject(
  tx: EntityManager,
  viewer: Viewer,
  id: string,
  expectedVersion: number,
): Promise<Project> {
  const project = await lockVersion(tx, Project, { id }, expectedVersion, `Project ${id}`);
  requireProjectWriter(viewer, project.leadEntityAcronym);
  return project;
}

/**
 * Applies column changes to a locked project (none for a change of its links only) and logs it.
 * The version goes up by one either way: a change of a project's links is a change of the
 * project.
 */
export async function changeProject(
  write: Write,
  before: Awaited<ReturnType<typeof projectSnapshot>>,
  changes: Partial<Project>,
): Promise<Project> {
  await write.tx
    .createQueryBuilder()
    .update(Project)
    .set(changes)
    .where('id = :id', { id: before.id })
    .execute();
  const after = await write.tx.findOneByOrFail(Project, { id: before.id });
  const snapshot = await projectSnapshot(write.tx, after);
  await write.audit({ entityType: 'Project', entityId: after.id, before, after: snapshot });
  await recordChanged(write.tx, affectedRecommendations(before, snapshot));
  return after;
}
