import type { Client } from 'pg';
import type { Dataset } from '../../subgraphs/shared/src/dataset/rows';
import { Priority, Region } from '../../subgraphs/shared/src/vocabulary';
import type { Caller } from '../helpers/access';
import type { Random } from '../../subgraphs/shared/src/dataset/random';
import type { Found } from './write-batch';
import { addressedByAnswers, answersFor, fundingAnswers, type Post } from './write-checks';
import { describe, differences, type Difference } from './write-diff';
import {
  COVERAGE_GROUPINGS,
  expectedAddressedBy,
  expectedFor,
  expectedFunding,
  FUNDING_GROUPINGS,
  type Figures,
  type Probe,
} from './write-expected';
import { useDataset } from '../helpers/seed';
import { modelOf, readTables, type Model } from './write-model';
import { post } from './write-runner';

/**
 * The check after a batch: every write has been answered, and each answered once funding had
 * delivered what it changed (docs/design.md), so the next read should already agree. It is
 * asked again for a bounded moment before a difference counts, and how long it took is told.
 */

const SETTLE_MS = 3000;
const POLL_MS = 200;

/** Draws the filters and groupings a check asks beside its fixed ones. */
function drawProbe(random: Random, data: Dataset): Probe {
  const needs: Probe['needs'] = {};
  if (random.chance(0.5)) needs.region = random.sample(Object.values(Region), random.int(1, 2));
  if (random.chance(0.5)) needs.priority = random.sample(Object.values(Priority), random.int(1, 2));
  if (random.chance(0.4)) needs.technicalAssistanceNeeded = random.chance(0.5);
  const need: Probe['need'] = {};
  if (random.chance(0.6)) need.priority = random.pick(Object.values(Priority));
  if (random.chance(0.5)) need.technicalAssistanceNeeded = random.chance(0.5);
  const partners = [...new Set(data.funding.projects.flatMap((p) => p.partnerEntityAcronyms))];
  const projects: Probe['projects'] = random.pick<Probe['projects']>([
    {},
    { region: random.sample(Object.values(Region), 2) },
    { partnerEntity: random.sample(partners, 2) },
    { donor: random.sample(data.funding.donors, 2).map((d) => d.id) },
  ]);
  return {
    statesOf: random.pick(Object.values(Region)),
    groupBy: random.pick(COVERAGE_GROUPINGS),
    needs,
    need,
    fundingGroupBy: random.pick(FUNDING_GROUPINGS),
    projects,
  };
}

/**
 * For a list of recommendations that differs, what links each one missing or extra: the projects
 * (not deleted) that the rows say link it, with their status (`CGC-2022-0001 CANCELLED`).
 */
function linksOf(data: Dataset, difference: Difference) {
  const ofRecommendations = [difference.figure, ...difference.at].some((k) =>
    /unaddressed/i.test(k),
  );
  const detail = difference.detail as { missing?: string[]; extra?: string[] } | undefined;
  if (!ofRecommendations) return [];
  const ids = [...(detail?.missing ?? []), ...(detail?.extra ?? [])];
  return ids.map((id) => ({
    id,
    projects: data.funding.projects
      .filter((p) => p.recommendationIds.includes(id))
      .map((p) => `${p.code} ${p.status}`),
  }));
}

export interface CheckOptions {
  random: Random;
  batch: number;
  tables: Client;
  callers: { caller: Caller; headers: Record<string, string> }[];
  url: string;
}

type Labelled = Difference & { caller: string };

async function compareOnce(options: CheckOptions, probe: Probe) {
  const model = modelOf(await readTables(options.tables));
  useDataset(model.data);
  const ask: Post = async (query, variables, headers) => {
    const answer = await post(options.url, query, variables, headers);
    return answer.body ?? { errors: [{ message: `HTTP ${answer.status}: ${answer.text}` }] };
  };
  // Every expectation first: they read the installed model, which is global.
  const expected = options.callers.map(({ caller }) => ({
    ...expectedFor(caller, probe),
    ...(caller.roles?.includes('admin') ? expectedAddressedBy() : {}),
  }));
  const funding = expectedFunding(probe);
  const found: Labelled[] = [];
  const label = (caller: string) => (d: Difference) => ({ ...d, caller });
  for (const [i, { caller, headers }] of options.callers.entries()) {
    const actual: Figures = {
      ...(await answersFor(ask, headers, probe)),
      ...(caller.roles?.includes('admin') ? await addressedByAnswers(ask, headers) : {}),
    };
    found.push(...differences(expected[i]!, actual).map(label(caller.name)));
  }
  const anyone = await fundingAnswers(ask, {}, probe);
  found.push(...differences(funding, anyone).map(label('anyone')));
  return { model, found };
}

/** Checks every figure until they agree or SETTLE_MS has passed, and returns the last model. */
export async function checkFigures(
  options: CheckOptions,
): Promise<{ model: Model; differences: Found[]; settledAfterMs: number }> {
  const first = modelOf(await readTables(options.tables));
  const probe = drawProbe(options.random, first.data);
  const started = Date.now();
  for (let attempt = 0; ; attempt += 1) {
    const { model, found } = await compareOnce(options, probe);
    const elapsed = Date.now() - started;
    if (!found.length) return { model, differences: [], settledAfterMs: attempt ? elapsed : 0 };
    if (elapsed >= SETTLE_MS) {
      return {
        model,
        settledAfterMs: elapsed,
        differences: found.map((d) => {
          const linked = linksOf(model.data, d);
          const links = linked.map((r) => `${r.id} ← ${r.projects.join(', ') || 'none'}`);
          return {
            batch: options.batch,
            kind: 'figure',
            line: `as ${d.caller}: ${describe(d)}${links.length ? `; linked by: ${links.join('; ')}` : ''}`,
            probe,
            ...d,
            ...(linked.length ? { linked } : {}),
          };
        }),
      };
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
