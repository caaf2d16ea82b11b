import type {
  AssessmentRow,
  Dataset,
  RecommendationRow,
} from '../../subgraphs/shared/src/dataset/rows';
import type { Role } from '../../subgraphs/shared/src/viewer';
import { Confidentiality } from '../../subgraphs/shared/src/vocabulary';

/** A caller of the access table: roles and, for a signed-in Compact entity, its acronym. */
export interface Caller {
  name: string;
  roles: Role[] | null;
  entity?: string;
}

/**
 * DESIGN.md's access table, written independently of the subgraphs' code: whether a caller has an
 * assessment listed, and whether they may read its recommendations.
 */
export function accessRules(data: Dataset, caller: Caller) {
  const all = caller.roles?.includes('cted') || caller.roles?.includes('admin');
  const entity = caller.roles ? caller.entity : undefined;
  const tookPart = (a: AssessmentRow) =>
    entity !== undefined &&
    (a.leadEntityAcronym === entity || a.participatingEntityAcronyms.includes(entity));
  const listed = (a: AssessmentRow) =>
    all || a.confidentiality !== Confidentiality.CONFIDENTIAL || tookPart(a);
  const readable = (a: AssessmentRow) =>
    all ||
    a.confidentiality === Confidentiality.PUBLIC ||
    (a.confidentiality === Confidentiality.SHARED_WITH_CONSENT && entity !== undefined) ||
    (a.confidentiality === Confidentiality.CONFIDENTIAL && tookPart(a));
  const assessmentOf = new Map(data.assessments.assessments.map((a) => [a.id, a]));
  return {
    listed,
    readable,
    readableRecommendation: (r: RecommendationRow) => readable(assessmentOf.get(r.assessmentId)!),
  };
}
