/**
 * Operations just over each default limit (MAX_DEPTH 15, MAX_ALIASES 30, MAX_DIRECTIVES 50,
 * MAX_TOKENS 2000, MAX_COST 500000), built from a path that cycles through a subgraph's own types
 * so that every one of them is valid and only the limit refuses it.
 */
export interface LimitShape {
  /** Opens a connection page of 100 and reaches a type where the cycle starts. */
  prefix: string;
  /** Its closing braces. */
  close: string;
  /** Two fields that lead back to the type they start from. */
  cycle: string;
  leaf: string;
  /** A list field of Query with a scalar to select. */
  list: string;
  /** Levels `prefix` opens. */
  levels: number;
}

export const SHAPES: Record<string, LimitShape> = {
  membership: {
    prefix: 'entities(first: 100) { edges { node { workingGroups {',
    close: '} } } }',
    cycle: 'members { workingGroup {',
    leaf: 'name',
    list: 'workingGroups { name }',
    levels: 4,
  },
  assessments: {
    prefix: 'assessments(first: 100) { edges { node {',
    close: '} } }',
    cycle: 'recommendations { assessment {',
    leaf: 'id',
    list: 'thematicAreas { code }',
    levels: 3,
  },
  funding: {
    prefix: 'projects(first: 100) { edges { node {',
    close: '} } }',
    cycle: 'contributions { project {',
    leaf: 'code',
    list: 'donors { id }',
    levels: 3,
  },
};

function nested(shape: LimitShape, cycles: number): string {
  const open = `${shape.cycle} `.repeat(cycles);
  return `{ ${shape.prefix} ${open}${shape.leaf}${' } }'.repeat(cycles)} ${shape.close} }`;
}

export function tooDeep(shape: LimitShape): string {
  // prefix levels + 2 per cycle + the leaf > 15
  const cycles = Math.ceil((16 - shape.levels - 1) / 2);
  return nested(shape, cycles);
}

/** Depth within 15 (prefix + 10 + leaf), cost over MAX_COST (500000): five cycles of pages of 100. */
export function tooCostly(shape: LimitShape): string {
  return nested(shape, 5);
}

export function tooManyAliases(shape: LimitShape): string {
  return `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: ${shape.list}`).join(' ')} }`;
}

export function tooManyDirectives(): string {
  return `{ __typename ${'... @include(if: true) { __typename } '.repeat(51)}}`;
}

export function tooManyTokens(): string {
  return `{ ${'__typename '.repeat(2001)}}`;
}
