import { type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { badUserInput } from '../../shared/src/errors';
import {
  AssessmentParticipant,
  AssessmentResolution,
  AssessmentThematicArea,
} from './entities/assessment-link.entity';
import { Resolution } from './entities/resolution.entity';
import { ThematicArea } from './entities/thematic-area.entity';

/** The sets an assessment links to, as callers name them. */
export interface AssessmentLinks {
  participatingEntities: string[];
  resolutions: string[];
  thematicAreas: string[];
}

const LEAD = 'CTED';

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Participating entities' acronyms, trimmed, each once; the lead is not a participant. */
export function participantAcronyms(values: readonly string[]): string[] {
  const acronyms = unique(values.map((value) => value.trim()));
  if (acronyms.includes(LEAD)) {
    throw badUserInput(
      `${LEAD} leads every assessment; list only the other entities that take part.`,
      'input.participatingEntities',
    );
  }
  return acronyms;
}

export function resolutionSymbols(values: readonly string[]): string[] {
  return unique(values.map((value) => value.trim()));
}

/** Thematic area codes are upper case, as the `thematicArea` query reads them. */
export function thematicAreaCodes(values: readonly string[]): string[] {
  return unique(values.map((value) => value.trim().toUpperCase()));
}

async function requireRows<T extends ObjectLiteral>(
  tx: EntityManager,
  target: EntityTarget<T>,
  key: string,
  values: readonly string[],
  what: string,
  argument: string,
): Promise<void> {
  if (values.length === 0) return;
  const found: { key: string }[] = await tx
    .getRepository(target)
    .createQueryBuilder('row')
    .select(`row.${key}`, 'key')
    .where(`row.${key} IN (:...values)`, { values })
    .getRawMany();
  const known = new Set(found.map((row) => row.key));
  const unknown = values.filter((value) => !known.has(value));
  if (unknown.length) {
    throw badUserInput(`Unknown ${what}: ${unknown.join(', ')}. Nothing was changed.`, argument);
  }
}

export function requireKnownAreas(tx: EntityManager, codes: readonly string[], argument: string) {
  return requireRows(tx, ThematicArea, 'code', codes, 'ThematicArea code', argument);
}

export function requireKnownResolutions(
  tx: EntityManager,
  symbols: readonly string[],
  argument: string,
) {
  return requireRows(tx, Resolution, 'symbol', symbols, 'Resolution symbol', argument);
}

/** The sets an assessment links to now, sorted, for the audit log. */
export async function linksOf(tx: EntityManager, assessmentId: string): Promise<AssessmentLinks> {
  const participants = await tx.findBy(AssessmentParticipant, { assessmentId });
  const resolutions = await tx.findBy(AssessmentResolution, { assessmentId });
  const areas = await tx.findBy(AssessmentThematicArea, { assessmentId });
  return {
    participatingEntities: participants.map((row) => row.entityAcronym).sort(),
    resolutions: resolutions.map((row) => row.resolutionSymbol).sort(),
    thematicAreas: areas.map((row) => row.thematicAreaCode).sort(),
  };
}

/** Replaces each set that is given; sets left out stay as they are. */
export async function replaceLinks(
  tx: EntityManager,
  assessmentId: string,
  links: Partial<AssessmentLinks>,
): Promise<void> {
  const sets = [
    [AssessmentParticipant, links.participatingEntities, 'entityAcronym'],
    [AssessmentResolution, links.resolutions, 'resolutionSymbol'],
    [AssessmentThematicArea, links.thematicAreas, 'thematicAreaCode'],
  ] as const;
  for (const [target, values, column] of sets) {
    if (values === undefined) continue;
    await tx.delete(target, { assessmentId });
    if (values.length) {
      await tx.insert(
        target,
        values.map((value) => ({ assessmentId, [column]: value })),
      );
    }
  }
}
