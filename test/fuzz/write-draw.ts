import type { Dataset, ProjectRow } from '../../subgraphs/shared/src/dataset/rows';
import type { Role } from '../../subgraphs/shared/src/viewer';
import { ProjectStatus } from '../../subgraphs/shared/src/vocabulary';
import type { Random } from '../../subgraphs/shared/src/dataset/random';

/**
 * What the write fuzzer's operations are made of, and the choices they share: a live project
 * (often a hot one), who writes it, a version to send, an amount of money.
 */

/** Who signs a write: roles and entity, or nobody (`roles: null`). */
export interface Signer {
  roles: Role[] | null;
  entity?: string;
}

export type VersionedTable =
  | 'funding.project'
  | 'funding.contribution'
  | 'assessments.assessment'
  | 'assessments.recommendation';

export interface WriteOp {
  kind: string;
  signer: Signer;
  query: string;
  variables: Record<string, unknown>;
  /** The row whose version is read just before sending: into `input` or the arguments. */
  version?: { table: VersionedTable; id: string; in: 'input' | 'args'; stale: boolean };
  /** Error codes that are a correct answer to this write. */
  mayRefuse: string[];
}

export interface World {
  data: Dataset;
  deletedProjects: { id: string; leadEntityAcronym: string }[];
  /** Recommendations and projects most writes go to, so that concurrent writes meet. */
  hot: { recommendations: string[]; projects: string[] };
}

/** A kind of write: how often it is drawn, and how (undefined when nothing fits it now). */
export interface OpKind {
  weight: number;
  build(draw: Draw, tag: string): WriteOp | undefined;
}

export const ADMIN: Signer = { roles: ['admin'] };
export const CTED: Signer = { roles: ['cted'] };
/** What a write of a versioned row may meet: another write first, or a deletion. */
export const VERSIONED = ['CONFLICT', 'NOT_FOUND'];

export class Draw {
  readonly acronyms: string[];
  /** States CTED assessed, so that new beneficiaries move the figures of assessed states. */
  readonly states: string[];

  /**
   * Hot recommendations one write from changing whether they are addressed: at most one live
   * project links them. Writes that flip them, sent at once, are where a copy goes wrong.
   */
  readonly edge: string[];

  constructor(
    readonly random: Random,
    readonly world: World,
  ) {
    this.acronyms = world.data.membership.entities.map((e) => e.acronym);
    this.states = [...new Set(world.data.assessments.assessments.map((a) => a.memberStateIso3))];
    const liveLinks = new Map(world.hot.recommendations.map((id) => [id, 0]));
    for (const p of world.data.funding.projects.filter(
      (p) => p.status !== ProjectStatus.CANCELLED,
    )) {
      for (const id of p.recommendationIds.filter((id) => liveLinks.has(id))) {
        liveLinks.set(id, liveLinks.get(id)! + 1);
      }
    }
    this.edge = [...liveLinks].filter(([, n]) => n <= 1).map(([id]) => id);
  }

  get data(): Dataset {
    return this.world.data;
  }

  /** An amount with cents, up to `max` dollars. */
  money(max = 9_000_000, min = 0): string {
    const cents = String(this.random.int(0, 99)).padStart(2, '0');
    return `${this.random.int(min, max)}.${cents}`;
  }

  /** A live project, mostly a hot one. */
  project(): ProjectRow | undefined {
    const { projects } = this.data.funding;
    const hot = projects.filter((p) => this.world.hot.projects.includes(p.id));
    const from = hot.length && this.random.chance(0.8) ? hot : projects;
    return from.length ? this.random.pick(from) : undefined;
  }

  /** Mostly a project, of any status, that links a recommendation on the edge. */
  edgeProject(): ProjectRow | undefined {
    const linking = this.data.funding.projects.filter((p) =>
      p.recommendationIds.some((id) => this.edge.includes(id)),
    );
    return linking.length && this.random.chance(0.7) ? this.random.pick(linking) : this.project();
  }

  /** Mostly admin or an editor of the lead; sometimes an editor of another entity. */
  writerOf(lead: string): { signer: Signer; mayRefuse: string[] } {
    const roll = this.random.next();
    if (roll < 0.6) return { signer: ADMIN, mayRefuse: [] };
    // The lead may change meanwhile (only admin changes it): then the editor is refused.
    const entity = roll < 0.92 ? lead : this.random.pick(this.acronyms.filter((a) => a !== lead));
    return { signer: { roles: ['editor'], entity }, mayRefuse: ['FORBIDDEN'] };
  }

  /** One of a role's writes sent by another role now and then: refused. */
  signer(own: Signer, other: Signer, p = 0.05): { signer: Signer; mayRefuse: string[] } {
    return this.random.chance(p)
      ? { signer: other, mayRefuse: ['FORBIDDEN'] }
      : { signer: own, mayRefuse: [] };
  }

  /** The version to read before sending; a stale one now and then, refused with CONFLICT. */
  versioned(table: VersionedTable, id: string, into: 'input' | 'args'): WriteOp['version'] {
    return { table, id, in: into, stale: this.random.chance(0.05) };
  }
}
