/**
 * The sentence that ends the description of a field an outage of `subgraph` nulls: a field one
 * subgraph adds to another's entity, or whose value is an entity another subgraph owns. Such
 * fields are nullable, so that the outage costs them alone and not the object around them.
 */
export const nullWhenUnreachable = (subgraph: string) =>
  `Null, with an error, when the ${subgraph} subgraph cannot be reached to answer it.`;
