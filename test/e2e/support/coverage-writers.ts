import { Random } from '../../../subgraphs/shared/src/dataset/random';
import { postGraphQL, type GraphQLResponse } from '../../helpers/graph';
import type { CoveragePool, PoolProject } from './coverage-pool';

type Kind = 'link' | 'unlink' | 'cancel' | 'reactivate' | 'delete' | 'restore';

interface Write {
  kind: Kind;
  recommendationIds: string[];
}

interface ProjectState {
  version: number;
  status: string;
  deleted: boolean;
  /** What it links, as this writer, its only writer, has made it. */
  linked: Set<string>;
}

export interface LoadReport {
  /** Writes applied, by kind. */
  applied: Record<string, number>;
  /** Attempts refused for a stale version, then made again. */
  conflicts: number;
  /** Attempts that failed otherwise (a replica down, a peer unreachable), then made again. */
  failures: string[];
  /** Writes still failing at their deadline: `project: kind: last error`. */
  gaveUp: string[];
  /** What the check after a step found, if one found anything; the load stopped there. */
  stoppedAt?: { step: number; differences: string[] };
}

export interface LoadOptions {
  gateway: string;
  headers: Record<string, string>;
  pool: CoveragePool;
  /** Each writer draws from its own generator, seeded `${seed}/${index}`. */
  seed: string;
  writes: number;
  /** How long one write keeps being tried. @default 20000 */
  writeDeadlineMs?: number;
  /**
   * Run once every writer has finished a step; differences it returns stop the load. Checking
   * after each step catches a wrong copy that a later write would have overwritten.
   */
  afterStep?: () => Promise<string[]>;
}

const PROJECT = `version status`;
const MUTATIONS: Record<Kind, string> = {
  link: `mutation ($id: ID!, $v: Int!, $r: [ID!]!) { write: linkProjectRecommendations(projectId: $id, expectedVersion: $v, recommendationIds: $r) { ${PROJECT} } }`,
  unlink: `mutation ($id: ID!, $v: Int!, $r: [ID!]!) { write: unlinkProjectRecommendations(projectId: $id, expectedVersion: $v, recommendationIds: $r) { ${PROJECT} } }`,
  cancel: `mutation ($id: ID!, $v: Int!) { write: updateProject(input: { id: $id, expectedVersion: $v, status: CANCELLED }) { ${PROJECT} } }`,
  reactivate: `mutation ($id: ID!, $v: Int!) { write: updateProject(input: { id: $id, expectedVersion: $v, status: ACTIVE }) { ${PROJECT} } }`,
  delete: `mutation ($id: ID!, $v: Int!) { write: deleteProject(id: $id, expectedVersion: $v) }`,
  restore: `mutation ($id: ID!) { write: restoreProject(id: $id) { ${PROJECT} } }`,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One writer per project of the pool, all at once through the gateway: links and unlinks of the
 * pool's recommendations, cancellations, reactivations, deletions and restorations, drawn from a
 * seeded generator. A write that fails is tried again after rereading the project (every kind is
 * safe to repeat), so a write whose answer was lost does no harm.
 */
export class CoverageLoad {
  /** Writes finished so far, across writers. */
  done = 0;
  readonly report: LoadReport = { applied: {}, conflicts: 0, failures: [], gaveUp: [] };

  constructor(private readonly options: LoadOptions) {}

  /**
   * Every writer makes its next write at the same moment as the others (a step at a time), so
   * that each step's transactions overlap on the pool's recommendations, the last step's too.
   */
  async run(): Promise<LoadReport> {
    const { pool, seed } = this.options;
    const writers = await Promise.all(
      pool.projects.map(async (project, i) => {
        const read = await this.read(project.id);
        if (!read) throw new Error(`Project ${project.code} is not there to write`);
        const state: ProjectState = { ...read, linked: new Set(project.recommendationIds) };
        return { project, state, random: new Random(`${seed}/${i}`) };
      }),
    );
    for (let step = 0; step < this.options.writes; step++) {
      await Promise.all(
        writers.map(async ({ project, state, random }) => {
          await this.perform(project, state, this.choose(project, state, random));
          this.done += 1;
        }),
      );
      const differences = (await this.options.afterStep?.()) ?? [];
      if (differences.length) {
        this.report.stoppedAt = { step, differences };
        break;
      }
    }
    return this.report;
  }

  private choose(project: PoolProject, state: ProjectState, random: Random): Write {
    if (state.deleted) return { kind: 'restore', recommendationIds: [] };
    const cancelled = state.status === 'CANCELLED';
    const kind = random.weighted<Kind>({
      link: 30,
      unlink: state.linked.size ? 30 : 5,
      cancel: cancelled ? 0 : 10,
      reactivate: cancelled ? 30 : 0,
      delete: project.deletable ? 8 : 0,
      restore: 0,
    });
    const from =
      kind === 'unlink' && state.linked.size
        ? [...state.linked]
        : this.options.pool.recommendations;
    const ids = kind === 'link' || kind === 'unlink' ? random.sample(from, random.int(1, 3)) : [];
    return { kind, recommendationIds: ids };
  }

  private async perform(project: PoolProject, state: ProjectState, write: Write): Promise<void> {
    const deadline = Date.now() + (this.options.writeDeadlineMs ?? 20_000);
    let stale = false;
    for (;;) {
      let failure: string;
      try {
        if (stale) Object.assign(state, (await this.read(project.id)) ?? { deleted: true });
        // After a lost answer the reread may show the write done: deletion and restoration are
        // then over; links and statuses are set again, which changes nothing.
        if (write.kind === 'restore' && !state.deleted) return this.applied(write.kind);
        if (write.kind === 'delete' && state.deleted) return this.applied(write.kind);
        if (state.deleted && write.kind !== 'restore') {
          this.report.gaveUp.push(
            `${project.code}: ${write.kind}: deleted by no write of its writer`,
          );
          return;
        }
        const answer = await this.post(MUTATIONS[write.kind], {
          id: project.id,
          v: state.version,
          r: write.recommendationIds,
        });
        const error = answer.errors?.[0];
        if (!error && answer.data) {
          this.apply(state, write, answer.data.write);
          return this.applied(write.kind);
        }
        if (error?.extensions?.code === 'CONFLICT') {
          this.report.conflicts += 1;
          const current = error.extensions.currentVersion;
          if (typeof current === 'number') state.version = current;
          else stale = true;
          continue;
        }
        failure = `${error?.extensions?.code ?? 'no data'}: ${error?.message ?? ''}`;
      } catch (thrown) {
        failure = thrown instanceof Error ? thrown.message : String(thrown);
      }
      stale = true;
      this.report.failures.push(`${project.code} ${write.kind}: ${failure}`);
      if (Date.now() > deadline) {
        this.report.gaveUp.push(`${project.code}: ${write.kind}: ${failure}`);
        return;
      }
      await sleep(150);
    }
  }

  private apply(state: ProjectState, write: Write, result: unknown): void {
    if (write.kind === 'delete') {
      state.deleted = true;
      return;
    }
    const { version, status } = result as { version: number; status: string };
    Object.assign(state, { version, status, deleted: false });
    for (const id of write.recommendationIds) {
      if (write.kind === 'link') state.linked.add(id);
      else state.linked.delete(id);
    }
  }

  private applied(kind: Kind): void {
    this.report.applied[kind] = (this.report.applied[kind] ?? 0) + 1;
  }

  /** The project's version and status; null once it is deleted. */
  private async read(id: string): Promise<Omit<ProjectState, 'linked'> | null> {
    const answer = await this.post(`query ($id: ID!) { project(id: $id) { ${PROJECT} } }`, { id });
    if (answer.errors?.length || !answer.data) {
      const error = answer.errors?.[0];
      throw new Error(`reading: ${error?.extensions?.code ?? 'no data'}: ${error?.message ?? ''}`);
    }
    const project = answer.data.project as { version: number; status: string } | null;
    return project ? { ...project, deleted: false } : null;
  }

  private post(query: string, variables: Record<string, unknown>): Promise<GraphQLResponse> {
    return postGraphQL(this.options.gateway, query, variables, this.options.headers);
  }
}
