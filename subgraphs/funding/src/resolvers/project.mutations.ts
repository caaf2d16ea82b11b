import { Not, type EntityManager } from 'typeorm';
import { Arg, Args, Ctx, Mutation, Resolver } from 'type-graphql';
import { isoDate } from '../../../shared/src/dates';
import { parseIso3 } from '../../../shared/src/iso3';
import { forbidden, requireRole } from '../../../shared/src/viewer';
import {
  conflict,
  createOnce,
  givenFields,
  IDEMPOTENCY_KEY,
  invalidField,
  newId,
  notFound,
  RECORDED,
  runWrite,
} from '../../../shared/src/writes';
import type { FundingContext } from '../context';
import { Appeal } from '../entities/appeal.entity';
import { Contribution } from '../entities/contribution.entity';
import { Programme } from '../entities/programme.entity';
import { Project } from '../entities/project.entity';
import { CURRENCY } from '../money';
import { affectedRecommendations, recordChanged } from '../addressed/outbox';
import { addLinks, projectSnapshot, replaceLinks } from '../project-links';
import {
  changeProject,
  lockProject,
  PROJECT_ACTION,
  projectToWrite,
  requireProjectWriter,
} from '../project-writes';
import { requireAllKnown, type Reference } from '../../../shared/src/peers';
import { DeleteArgs } from './inputs/delete.args';
import { RestoreArgs } from './inputs/restore.args';
import { CreateProjectInput, UpdateProjectInput } from './inputs/project.input';

/** The sets an input may give, trimmed, normalised and without repeats. */
interface GivenSets {
  partnerEntities?: string[];
  beneficiaryStates?: string[];
  thematicAreas?: string[];
}

function givenSets(input: {
  partnerEntities?: string[] | null;
  beneficiaryStates?: string[] | null;
  thematicAreas?: string[] | null;
}): GivenSets {
  const unique = (values: string[]) => [...new Set(values)];
  return {
    partnerEntities: input.partnerEntities
      ? unique(input.partnerEntities.map((v) => v.trim()))
      : undefined,
    beneficiaryStates: input.beneficiaryStates
      ? unique(input.beneficiaryStates.map((v) => parseIso3(v, 'input.beneficiaryStates')))
      : undefined,
    thematicAreas: input.thematicAreas
      ? unique(input.thematicAreas.map((v) => v.trim().toUpperCase()))
      : undefined,
  };
}

/** What the owners of the keys a project names must confirm. */
function references(lead: string | undefined, sets: GivenSets): Reference[] {
  const entity = { subgraph: 'membership', typename: 'Entity', keyField: 'acronym' } as const;
  return [
    { ...entity, values: lead === undefined ? [] : [lead], argument: 'input.leadEntity' },
    { ...entity, values: sets.partnerEntities, argument: 'input.partnerEntities' },
    {
      subgraph: 'membership',
      typename: 'MemberState',
      keyField: 'iso3',
      values: sets.beneficiaryStates,
      argument: 'input.beneficiaryStates',
    },
    {
      subgraph: 'assessments',
      typename: 'ThematicArea',
      keyField: 'code',
      values: sets.thematicAreas,
      argument: 'input.thematicAreas',
    },
  ];
}

/** Programmes and appeals are funding's own: checked in the write's transaction. */
async function requireLocal(
  tx: EntityManager,
  input: { programmeId?: string | null; appealId?: string | null },
): Promise<void> {
  if (input.programmeId && !(await tx.existsBy(Programme, { id: input.programmeId }))) {
    throw invalidField('programmeId', `there is no programme with id ${input.programmeId}`);
  }
  if (input.appealId && !(await tx.existsBy(Appeal, { id: input.appealId }))) {
    throw invalidField('appealId', `there is no appeal with id ${input.appealId}`);
  }
}

/** Codes stay taken after a project is deleted, so an old code never names a new project. */
async function requireFreeCode(tx: EntityManager, code: string, id?: string): Promise<void> {
  const where = id ? { code, id: Not(id) } : { code };
  if (await tx.exists(Project, { where, withDeleted: true })) {
    throw conflict(`Project code ${code} is already taken. Nothing was changed.`);
  }
}

function requireLeadNotPartner(lead: string, partners: readonly string[]): void {
  if (partners.includes(lead)) {
    throw invalidField(
      'partnerEntities',
      `partnerEntities must not include the lead entity, ${lead}`,
    );
  }
}

/** Writes to projects: `admin` writes all, an `editor` those their own entity leads. */
@Resolver()
export class ProjectMutations {
  @Mutation(() => Project, {
    description:
      'Creates a project. Admin, or an editor of the entity that will lead it. Entities, states and thematic areas are checked with the subgraphs that own them.',
  })
  async createProject(
    @Ctx() { db, viewer, peers, idempotencyRetentionMs }: FundingContext,
    @Arg('input', () => CreateProjectInput, { description: 'The new project.' })
    input: CreateProjectInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) idempotencyKey?: string | null,
  ) {
    const lead = input.leadEntity.trim();
    requireProjectWriter(viewer, lead);
    const sets = givenSets(input);
    requireLeadNotPartner(lead, sets.partnerEntities ?? []);
    await requireAllKnown(peers, references(lead, sets));
    const operation = 'createProject';
    const id = await runWrite({ db, viewer, operation }, async (write) => {
      const created = await createOnce(
        write.tx,
        { key: idempotencyKey, operation, viewer, input, retentionMs: idempotencyRetentionMs },
        async () => {
          await requireLocal(write.tx, input);
          await requireFreeCode(write.tx, input.code);
          const project = await write.tx.save(
            Project,
            write.tx.create(Project, {
              id: newId(),
              code: input.code,
              title: input.title.trim(),
              summary: input.summary.trim(),
              status: input.status,
              leadEntityAcronym: lead,
              programmeId: input.programmeId ?? null,
              appealId: input.appealId ?? null,
              startsOn: isoDate(input.startsOn)!,
              endsOn: isoDate(input.endsOn) ?? null,
              budget: input.budget,
              currency: CURRENCY,
              ...RECORDED,
            }),
          );
          for (const set of ['partnerEntities', 'beneficiaryStates', 'thematicAreas'] as const) {
            await addLinks(write.tx, set, project.id, sets[set] ?? []);
          }
          await write.audit({
            entityType: 'Project',
            entityId: project.id,
            before: null,
            after: await projectSnapshot(write.tx, project),
          });
          return project.id;
        },
      );
      return created.id;
    });
    const project = await db.getRepository(Project).findOneBy({ id });
    if (!project) throw notFound(`Project ${id}, created by the first request with this key,`);
    return project;
  }

  @Mutation(() => Project, {
    description:
      'Changes a project. Admin, or an editor of the entity that leads it; only an admin may change the lead.',
  })
  async updateProject(
    @Ctx() { db, viewer, peers, loaders }: FundingContext,
    @Arg('input', () => UpdateProjectInput, { description: 'What to change.' })
    input: UpdateProjectInput,
  ) {
    const current = await projectToWrite(db.manager, viewer, input.id);
    const lead = input.leadEntity?.trim();
    const requireLeadChangeAllowed = (from: string) => {
      if (lead !== undefined && lead !== from && !viewer.roles.has('admin')) {
        throw forbidden(
          'Only "admin" may change the lead entity of a project. Nothing was changed.',
        );
      }
    };
    requireLeadChangeAllowed(current.leadEntityAcronym);
    const sets = givenSets(input);
    await requireAllKnown(peers, references(lead, sets));
    return runWrite({ db, viewer, operation: 'updateProject' }, async (write) => {
      const row = await lockProject(write.tx, viewer, input.id, input.expectedVersion);
      requireLeadChangeAllowed(row.leadEntityAcronym);
      await requireLocal(write.tx, input);
      if (input.code !== undefined) await requireFreeCode(write.tx, input.code, row.id);
      const before = await projectSnapshot(write.tx, row);
      const changes: Partial<Project> = {
        ...givenFields(input, ['code', 'status', 'budget', 'programmeId', 'appealId']),
        ...(input.title !== undefined ? { title: input.title.trim() } : {}),
        ...(input.summary !== undefined ? { summary: input.summary.trim() } : {}),
        ...(lead !== undefined ? { leadEntityAcronym: lead } : {}),
        ...(input.startsOn !== undefined ? { startsOn: isoDate(input.startsOn)! } : {}),
        ...(input.endsOn !== undefined ? { endsOn: isoDate(input.endsOn) ?? null } : {}),
      };
      const startsOn = changes.startsOn ?? row.startsOn;
      const endsOn = changes.endsOn !== undefined ? changes.endsOn : row.endsOn;
      if (endsOn !== null && endsOn < startsOn) {
        throw invalidField('endsOn', `endsOn must not be before startsOn (${startsOn})`);
      }
      requireLeadNotPartner(
        changes.leadEntityAcronym ?? row.leadEntityAcronym,
        sets.partnerEntities ?? before.partnerEntities,
      );
      for (const set of ['partnerEntities', 'beneficiaryStates', 'thematicAreas'] as const) {
        const values = sets[set];
        if (values) await replaceLinks(write.tx, set, row.id, values);
      }
      return changeProject(write, before, changes);
    }).finally(() => loaders.deliverAddressed());
  }

  @Mutation(() => Boolean, {
    description:
      'Deletes a project: it disappears from every list, lookup and total, and its history stays in the audit log. Admin, or an editor of the entity that leads it. Refused while contributions are recorded against it.',
  })
  async deleteProject(
    @Ctx() { db, viewer, loaders }: FundingContext,
    @Args(() => DeleteArgs) { id, expectedVersion }: DeleteArgs,
  ) {
    requireRole(viewer, ['admin', 'editor'], PROJECT_ACTION);
    await projectToWrite(db.manager, viewer, id);
    return runWrite({ db, viewer, operation: 'deleteProject' }, async (write) => {
      const row = await lockProject(write.tx, viewer, id, expectedVersion);
      const contributions = await write.tx.countBy(Contribution, { projectId: id });
      if (contributions > 0) {
        throw conflict(
          `Project ${row.code} has ${contributions} contribution(s) recorded against it; an admin must delete them first. Nothing was changed.`,
        );
      }
      const before = await projectSnapshot(write.tx, row);
      await write.tx.softDelete(Project, { id });
      await write.audit({ entityType: 'Project', entityId: id, before, after: null });
      await recordChanged(write.tx, affectedRecommendations(before, null));
      return true;
    }).finally(() => loaders.deliverAddressed());
  }

  @Mutation(() => Project, {
    description:
      'Restores a deleted project as it was when deleted, with its links: it is in every list, lookup and total again, and the audit log records the restoration. Admin, or an editor of the entity that leads it. A project that is not deleted is returned unchanged.',
  })
  async restoreProject(
    @Ctx() { db, viewer, loaders }: FundingContext,
    @Args(() => RestoreArgs) { id }: RestoreArgs,
  ) {
    requireRole(viewer, ['admin', 'editor'], PROJECT_ACTION);
    return runWrite({ db, viewer, operation: 'restoreProject' }, async (write) => {
      const row = await write.tx
        .getRepository(Project)
        .createQueryBuilder('row')
        .withDeleted()
        .setLock('pessimistic_write')
        .where('row.id = :id', { id })
        .getOne();
      if (!row) throw notFound(`Project ${id}`);
      requireProjectWriter(viewer, row.leadEntityAcronym);
      if (!row.deletedAt) return row;
      const before = await projectSnapshot(write.tx, row);
      await write.tx.restore(Project, { id });
      const after = await write.tx.findOneByOrFail(Project, { id });
      const snapshot = await projectSnapshot(write.tx, after);
      await write.audit({ entityType: 'Project', entityId: id, before, after: snapshot });
      await recordChanged(write.tx, affectedRecommendations(null, snapshot));
      return after;
    }).finally(() => loaders.deliverAddressed());
  }
}
