import type { Dataset } from '../../subgraphs/shared/src/dataset/rows';
import { Confidentiality } from '../../subgraphs/shared/src/vocabulary';
import type { Caller } from './access';
import type { TestGraph } from './graph';
import { as } from './tokens';

/**
 * Entities that exercise the access table on a data set: one that took part in a confidential
 * assessment, and one (not CTED) that took part in none.
 */
export function accessEntities(data: Dataset) {
  const { assessments } = data.assessments;
  const confidential = assessments.filter(
    (a) => a.confidentiality === Confidentiality.CONFIDENTIAL,
  );
  const participant = confidential.flatMap((a) => a.participatingEntityAcronyms)[0];
  const outsider = data.membership.entities
    .map((e) => e.acronym)
    .find(
      (acronym) =>
        !assessments.some((a) => a.participatingEntityAcronyms.includes(acronym)) &&
        acronym !== 'CTED',
    )!;
  return { confidential, participant, outsider };
}

/**
 * Sends one operation as a caller through the gateway and straight at a subgraph; both answers
 * must be the same and without errors. Returns the data.
 */
export function bothWaysOn(graph: () => TestGraph) {
  return async <T = Record<string, unknown>>(
    caller: Caller,
    subgraph: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> => {
    const headers = caller.roles ? await as(caller.roles, caller.entity) : {};
    const [viaGateway, direct] = await Promise.all([
      graph().query(query, variables, { headers }),
      graph().query(query, variables, { headers, url: graph().subgraphs[subgraph].url }),
    ]);
    expect(viaGateway.errors).toBeUndefined();
    expect(direct).toEqual(viaGateway);
    return viaGateway.data as T;
  };
}
