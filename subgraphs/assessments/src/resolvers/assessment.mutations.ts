import { GraphQLError } from 'graphql';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { isoDate } from '../../../shared/src/dates';
import { parseIso3 } from '../../../shared/src/iso3';
import { requireRole } from '../../../shared/src/viewer';
import { createOnce, givenFields, lockVersion, newId, runWrite } from '../../../shared/src/writes';
import {
  linksOf,
  participantAcronyms,
  replaceLinks,
  requireKnownAreas,
  requireKnownResolutions,
  resolutionSymbols,
  thematicAreaCodes,
  type AssessmentLinks,
} from '../assessment-links';
import type { PeerClient } from '../../../shared/src/peers';
import type { AssessmentsContext } from '../context';
import { Assessment } from '../entities/assessment.entity';
import { CreateAssessmentInput, UpdateAssessmentInput } from './inputs/assessment.input';
import { IDEMPOTENCY_KEY, RECORDED } from '../../../shared/src/writes';
import { ACTION } from './mutation-options';

const LEAD_ENTITY = 'CTED';

/** Writes to assessments; only `cted` may make them. */
@Resolver()
export class AssessmentMutations {
  @Mutation(() => Assessment, {
    description:
      'Records a new CTED assessment. CTED only. The Member State and the participating entities must be known to the membership subgraph.',
  })
  async createAssessment(
    @Ctx() { db, viewer, peers, idempotencyRetentionMs }: AssessmentsContext,
    @Arg('input', () => CreateAssessmentInput, { description: 'The new assessment.' })
    input: CreateAssessmentInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) idempotencyKey?: string | null,
  ) {
    requireRole(viewer, ['cted'], ACTION);
    const memberState = parseIso3(input.memberState, 'input.memberState');
    const links: AssessmentLinks = {
      participatingEntities: participantAcronyms(input.participatingEntities ?? []),
      resolutions: resolutionSymbols(input.resolutions ?? []),
      thematicAreas: thematicAreaCodes(input.thematicAreas ?? []),
    };
    await requireKnownToMembership(peers, { memberState, ...links });
    const operation = 'createAssessment';
    return runWrite({ db, viewer, operation }, async (write) => {
      const created = await createOnce(
        write.tx,
        { key: idempotencyKey, operation, viewer, input, retentionMs: idempotencyRetentionMs },
        async () => {
          await requireKnownResolutions(write.tx, links.resolutions, 'input.resolutions');
          await requireKnownAreas(write.tx, links.thematicAreas, 'input.thematicAreas');
          const id = newId();
          const values = {
            id,
            memberStateIso3: memberState,
            type: input.type,
            format: input.format,
            startedOn: isoDate(input.startedOn)!,
            endedOn: isoDate(input.endedOn) ?? null,
            status: input.status,
            confidentiality: input.confidentiality,
            leadEntityAcronym: LEAD_ENTITY,
            ...RECORDED,
          };
          const row = await write.tx.save(Assessment, write.tx.create(Assessment, values));
          await replaceLinks(write.tx, id, links);
          const after = { ...row, ...(await linksOf(write.tx, id)) };
          await write.audit({ entityType: 'Assessment', entityId: id, before: null, after });
          return id;
        },
      );
      return write.tx.findOneByOrFail(Assessment, { id: created.id });
    });
  }

  @Mutation(() => Assessment, {
    description:
      'Changes an assessment. CTED only. A list that is given replaces the one stored; the Member State cannot change.',
  })
  async updateAssessment(
    @Ctx() { db, viewer, peers }: AssessmentsContext,
    @Arg('input', () => UpdateAssessmentInput, { description: 'What to change.' })
    input: UpdateAssessmentInput,
  ) {
    requireRole(viewer, ['cted'], ACTION);
    const links: Partial<AssessmentLinks> = {
      participatingEntities:
        input.participatingEntities && participantAcronyms(input.participatingEntities),
      resolutions: input.resolutions && resolutionSymbols(input.resolutions),
      thematicAreas: input.thematicAreas && thematicAreaCodes(input.thematicAreas),
    };
    await requireKnownToMembership(peers, links);
    return runWrite({ db, viewer, operation: 'updateAssessment' }, async (write) => {
      const { tx } = write;
      const what = `Assessment ${input.id}`;
      const row = await lockVersion(tx, Assessment, { id: input.id }, input.expectedVersion, what);
      if (links.resolutions) {
        await requireKnownResolutions(tx, links.resolutions, 'input.resolutions');
      }
      if (links.thematicAreas) {
        await requireKnownAreas(tx, links.thematicAreas, 'input.thematicAreas');
      }
      const changes: Partial<Assessment> = {
        ...givenFields(input, ['type', 'format', 'status', 'confidentiality']),
      };
      if (input.startedOn !== undefined) changes.startedOn = isoDate(input.startedOn)!;
      if (input.endedOn !== undefined) changes.endedOn = isoDate(input.endedOn) ?? null;
      checkDates(
        changes.startedOn ?? row.startedOn,
        changes.endedOn !== undefined ? changes.endedOn : row.endedOn,
      );
      const before = { ...row, ...(await linksOf(tx, row.id)) };
      // Set by hand: a change to the lists alone leaves the row's columns as they were, and
      // TypeORM bumps the version only when a column changes.
      await tx.update(Assessment, { id: row.id }, { ...changes, version: row.version + 1 });
      await replaceLinks(tx, row.id, links);
      const updated = await tx.findOneByOrFail(Assessment, { id: row.id });
      const after = { ...updated, ...(await linksOf(tx, row.id)) };
      await write.audit({ entityType: 'Assessment', entityId: row.id, before, after });
      return updated;
    });
  }
}

/**
 * Asks membership before the write's transaction opens: the embedded database runs one
 * transaction at a time, so membership could not answer while ours held it.
 */
async function requireKnownToMembership(
  peers: PeerClient,
  { memberState, participatingEntities }: { memberState?: string } & Partial<AssessmentLinks>,
): Promise<void> {
  if (memberState) {
    await peers.requireKnown(
      'membership',
      'MemberState',
      'iso3',
      [memberState],
      'input.memberState',
    );
  }
  if (participatingEntities?.length) {
    await peers.requireKnown(
      'membership',
      'Entity',
      'acronym',
      participatingEntities,
      'input.participatingEntities',
    );
  }
}

/** The stored dates with the changes applied; class-validator sees only the input. */
function checkDates(startedOn: string, endedOn: string | null): void {
  if (endedOn === null || endedOn >= startedOn) return;
  const message = `endedOn (${endedOn}) must not be before startedOn (${startedOn})`;
  throw new GraphQLError(`The input is not valid: ${message}.`, {
    extensions: {
      code: 'BAD_USER_INPUT',
      argument: 'endedOn',
      fields: [{ field: 'endedOn', message }],
    },
  });
}
