import fc from 'fast-check';
import {
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { Pools } from './pools';

/** One generated operation, and which limit it was built to exceed, if any. */
export interface Generated {
  query: string;
  variables: Record<string, unknown>;
  overLimit?: 'aliases' | 'depth' | 'cost';
}

/** Selection levels of a generated operation (the limit is 15: these stay well within it). */
const MAX_LEVELS = 4;
const OVER_LIMIT_SHARE = 0.04;

type Draw = fc.GeneratorValue;

/**
 * Valid read operations on the API schema: up to four levels, with aliases, named and inline
 * fragments, `@include`/`@skip` on variables, `__typename`, arguments as literals or variables
 * drawn from the seed's values, lists and connections; and a share built to exceed one limit.
 * fast-check draws every choice, so a seed replays the same operations.
 */
export function operations(schema: GraphQLSchema, pools: Pools): fc.Arbitrary<Generated> {
  return fc.gen().map((draw) => new Builder(draw, schema, pools).operation());
}

class Builder {
  private readonly variables = new Map<string, { type: string; value: unknown }>();
  private readonly fragments: string[] = [];
  private aliases = 0;
  private fragmentNames = 0;

  constructor(
    private readonly draw: Draw,
    private readonly schema: GraphQLSchema,
    private readonly pools: Pools,
  ) {}

  private int(min: number, max: number): number {
    return this.draw(fc.integer, { min, max });
  }
  private chance(p: number): boolean {
    return this.int(0, 999) < p * 1000;
  }
  private pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
  /** `count` of the items, in a drawn order. By index: schema objects are cyclic. */
  private some<T>(items: readonly T[], count: number): T[] {
    const indexes = items.map((_, i) => i);
    const chosen = this.draw(fc.shuffledSubarray, indexes, { minLength: count, maxLength: count });
    return chosen.map((i) => items[i]!);
  }

  operation(): Generated {
    if (this.chance(OVER_LIMIT_SHARE)) return this.overLimit();
    const query = this.schema.getQueryType()!;
    const body = this.selection(query, 1);
    return this.finish(body);
  }

  private finish(body: string, overLimit?: Generated['overLimit']): Generated {
    const declared = [...this.variables].map(([name, v]) => `$${name}: ${v.type}`);
    const head = declared.length ? `query Fuzz(${declared.join(', ')})` : 'query Fuzz';
    return {
      query: [`${head} { ${body} }`, ...this.fragments].join('\n'),
      variables: Object.fromEntries([...this.variables].map(([name, v]) => [name, v.value])),
      ...(overLimit ? { overLimit } : {}),
    };
  }

  private overLimit(): Generated {
    const kind = this.pick(['aliases', 'depth', 'cost'] as const);
    if (kind === 'aliases') {
      const n = 31 + this.int(0, 5);
      return this.finish(Array.from({ length: n }, (_, i) => `x${i}: __typename`).join(' '), kind);
    }
    if (kind === 'depth') {
      let inner = 'id';
      for (let i = 0; i < 8; i += 1) inner = `memberState { assessments { ${inner} } }`;
      const iso3 = this.pick(this.pools.iso3);
      return this.finish(`memberState(iso3: "${iso3}") { assessments { ${inner} } }`, kind);
    }
    return this.finish(
      'memberStates { assessments(first: 20) { recommendations(first: 100) { addressedBy { beneficiaryStates { name } } } } }',
      kind,
    );
  }

  /** Fields of an object type, at this level (1 is the root). */
  private selection(type: GraphQLObjectType, level: number): string {
    const fields = Object.values(type.getFields()).filter(
      (field) => level < MAX_LEVELS || !isCompositeType(getNamedType(field.type)),
    );
    const parts: string[] = [];
    if (fields.length) {
      const count = this.int(1, Math.min(4, fields.length));
      for (const field of this.some(fields, count)) parts.push(this.field(field, type, level));
    }
    if (parts.length === 0 || this.chance(0.1)) parts.push('__typename');
    return parts.join(' ');
  }

  private field(field: GraphQLField<unknown, unknown>, parent: GraphQLObjectType, level: number) {
    const alias = this.aliases < 12 && this.chance(0.15) ? `a${this.aliases++}: ` : '';
    const args = field.args.flatMap((arg) =>
      isNonNullType(arg.type) || this.chance(0.5) ? [this.argument(arg, field, parent)] : [],
    );
    const directive = this.chance(0.08) ? this.directive() : '';
    const named = getNamedType(field.type);
    const sub = isObjectType(named) ? ` { ${this.subSelection(named, level + 1)} }` : '';
    return `${alias}${field.name}${args.length ? `(${args.join(', ')})` : ''}${directive}${sub}`;
  }

  /** A selection set's contents: plain, in an inline fragment, or in a named fragment. */
  private subSelection(type: GraphQLObjectType, level: number): string {
    const form = this.int(0, 9);
    if (form === 0) {
      const directive = this.chance(0.3) ? this.directive() : '';
      return `... on ${type.name}${directive} { ${this.selection(type, level)} }`;
    }
    if (form === 1 && this.fragmentNames < 4) {
      // Named before its selection is drawn, which may define fragments of its own.
      const name = `F${this.fragmentNames++}`;
      const body = this.selection(type, level);
      this.fragments.push(`fragment ${name} on ${type.name} { ${body} }`);
      return this.chance(0.5) ? `...${name}` : `...${name} __typename`;
    }
    return this.selection(type, level);
  }

  private directive(): string {
    const name = this.pick(['include', 'skip']);
    if (this.chance(0.3)) return ` @${name}(if: ${this.chance(0.5)})`;
    return ` @${name}(if: ${this.variable('Boolean!', this.chance(0.5))})`;
  }

  private variable(type: string, value: unknown): string {
    const name = `v${this.variables.size}`;
    this.variables.set(name, { type, value });
    return `$${name}`;
  }

  private argument(
    arg: GraphQLArgument,
    field: GraphQLField<unknown, unknown>,
    parent: GraphQLObjectType,
  ) {
    const value = this.value(arg.type, arg.name, field, parent);
    if (this.chance(0.3)) return `${arg.name}: ${this.variable(String(arg.type), value)}`;
    return `${arg.name}: ${literal(value)}`;
  }

  private value(
    type: GraphQLInputType,
    name: string,
    field: GraphQLField<unknown, unknown>,
    parent: GraphQLObjectType,
  ): unknown {
    if (isNonNullType(type)) return this.value(type.ofType, name, field, parent);
    if (isListType(type)) {
      return Array.from({ length: this.int(1, 3) }, () =>
        this.value(type.ofType, name, field, parent),
      );
    }
    if (isEnumType(type)) return new EnumValue(this.pick(type.getValues()).name);
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields());
      const count = this.int(0, Math.min(3, fields.length));
      return Object.fromEntries(
        this.some(fields, count).map((f) => [f.name, this.value(f.type, f.name, field, parent)]),
      );
    }
    return this.scalar(type.name, name, field);
  }

  private scalar(scalar: string, name: string, field: GraphQLField<unknown, unknown>): unknown {
    const p = this.pools;
    if (scalar === 'Boolean') return this.chance(0.5);
    if (scalar === 'Int') {
      if (name === 'first')
        return this.chance(0.03) ? this.pick([0, -1, 101]) : this.pick(p.pageSizes);
      if (/year/i.test(name)) return this.pick(p.years);
      return this.pick([0, 1, 3]);
    }
    const returned = getNamedType(field.type).name;
    switch (name) {
      case 'iso3':
      case 'memberState':
      case 'beneficiaryState':
        return this.pick(p.iso3);
      case 'acronym':
      case 'leadEntity':
      case 'partnerEntity':
        return this.pick(p.acronyms);
      case 'thematicArea':
        return this.pick(p.thematicCodes);
      case 'code':
        return this.pick(returned === 'ThematicArea' ? p.thematicCodes : p.projectCodes);
      case 'symbol':
        return this.pick(p.symbols);
      case 'search':
        return this.pick(p.words);
      case 'after':
        return this.pick(p.cursors);
      case 'id':
        return this.pick(p.ids[returned] ?? p.ids.Project!);
      case 'assessment':
        return this.pick(p.ids.Assessment!);
      case 'programme':
        return this.pick(p.ids.Programme!);
      case 'appeal':
        return this.pick(p.ids.Appeal!);
      case 'donor':
        return this.pick(p.ids.Donor!);
      case 'project':
        return this.pick(p.ids.Project!);
      default:
        return this.pick(['Project', 'x', '']);
    }
  }
}

/** An enum value: a literal without quotes; as a variable, its name. */
class EnumValue {
  constructor(readonly name: string) {}
  toJSON(): string {
    return this.name;
  }
}

function literal(value: unknown): string {
  if (value instanceof EnumValue) return value.name;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${key}: ${literal(item)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value);
}
