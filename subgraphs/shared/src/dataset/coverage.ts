import type { Random } from './random';
import type { AssessmentRow, RecommendationRow } from './rows';

/** Share of recommendations that projects may address; the rest stay unaddressed, as gaps. */
const COVERABLE_SHARE = 0.65;

/**
 * Which recommendations sample projects address. A fixed share is set aside as gaps up front,
 * so that the share of unaddressed needs stays about the same at every scale.
 */
export class Coverage {
  private readonly coverable = new Set<string>();
  private readonly count = new Map<string, number>();
  private readonly open: AssessmentRow[];

  constructor(
    private readonly rng: Random,
    assessments: AssessmentRow[],
    private readonly byAssessment: Map<string, RecommendationRow[]>,
  ) {
    for (const a of assessments) {
      for (const r of byAssessment.get(a.id) ?? []) {
        if (rng.chance(COVERABLE_SHARE)) this.coverable.add(r.id);
      }
    }
    this.open = assessments.filter((a) => this.uncovered(a).length > 0);
  }

  /** The recommendations of an assessment that projects may address. */
  candidates(a: AssessmentRow): RecommendationRow[] {
    return (this.byAssessment.get(a.id) ?? []).filter((r) => this.coverable.has(r.id));
  }

  uncovered(a: AssessmentRow): RecommendationRow[] {
    return this.candidates(a).filter((r) => !this.count.has(r.id));
  }

  isCovered(r: RecommendationRow): boolean {
    return this.count.has(r.id);
  }

  cover(r: RecommendationRow): void {
    this.count.set(r.id, (this.count.get(r.id) ?? 0) + 1);
  }

  /** An assessment with recommendations that no project addresses yet but one may. */
  nextOpen(): AssessmentRow | undefined {
    while (this.open.length > 0) {
      const k = this.rng.int(0, this.open.length - 1);
      if (this.uncovered(this.open[k]).length > 0) return this.open[k];
      this.open[k] = this.open[this.open.length - 1];
      this.open.pop();
    }
    return undefined;
  }
}
