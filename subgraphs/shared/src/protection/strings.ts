import { Kind, visit, type DocumentNode, type GraphQLError, type ValueNode } from 'graphql';
import { badUserInput } from '../errors';

// Without the `u` flag a regular expression reads code units, so it sees a surrogate alone.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

const hex = (unit: number) => unit.toString(16).toUpperCase().padStart(4, '0');

/**
 * What is wrong with a string that PostgreSQL cannot store: a NUL (text columns refuse it) or a
 * surrogate without its pair (not a character, so not UTF-8). Undefined when it is fine.
 */
export function stringProblem(text: string): string | undefined {
  if (text.includes('\0')) return 'contains a NUL character (U+0000); remove it';
  const lone = LONE_SURROGATE.exec(text);
  if (lone) {
    return `contains an unpaired UTF-16 surrogate (U+${hex(lone[0].charCodeAt(0))}), which is not a character; send the whole character or remove it`;
  }
  return undefined;
}

/** A name as a message can show it: NULs and lone surrogates written as `\uXXXX`. */
function shown(name: string): string {
  return name
    .replaceAll('\0', '\\u0000')
    .replace(LONE_SURROGATES, (unit) => `\\u${hex(unit.charCodeAt(0)).toLowerCase()}`);
}

/** One value to look at: a literal of the document or a JSON value from the variables. */
interface Step {
  value: unknown;
  literal: boolean;
  key: string | number;
  parent?: Step;
}

/** `input.partnerEntities[1]`: the argument, then each input field and list index below it. */
function pathOf(step: Step): string {
  const keys: (string | number)[] = [];
  for (let at: Step | undefined = step; at; at = at.parent) keys.push(at.key);
  return keys.reduceRight<string>(
    (path, key) =>
      typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${shown(key)}` : shown(key),
    '',
  );
}

export interface BadString {
  /** The argument and the path inside it, such as `input.title` or `representations[0].code`. */
  argument: string;
  problem: string;
}

/**
 * The first bad string below the steps given, in document order. A variable met in a literal is
 * handed to `onVariable` with its place; iterative, so a deeply nested value costs memory, not
 * the stack.
 */
function firstBad(
  start: Step[],
  onVariable: (name: string, place: Step) => void = () => {},
): BadString | undefined {
  const stack = [...start].reverse();
  const push = (value: unknown, literal: boolean, key: string | number, parent?: Step) =>
    stack.push({ value, literal, key, parent });
  while (stack.length > 0) {
    const step = stack.pop()!;
    const bad = (text: string) => {
      const problem = stringProblem(text);
      return problem ? { argument: pathOf(step), problem } : undefined;
    };
    // A JSON object's keys are the caller's too (an argument's own name is a GraphQL name).
    const badKey = !step.literal && typeof step.key === 'string' && bad(step.key);
    if (badKey) return badKey;
    if (step.literal) {
      const node = step.value as ValueNode;
      if (node.kind === Kind.STRING) {
        const found = bad(node.value);
        if (found) return found;
      } else if (node.kind === Kind.LIST) {
        for (let i = node.values.length - 1; i >= 0; i--) push(node.values[i], true, i, step);
      } else if (node.kind === Kind.OBJECT) {
        for (const field of [...node.fields].reverse()) {
          push(field.value, true, field.name.value, step);
        }
      } else if (node.kind === Kind.VARIABLE) {
        onVariable(node.name.value, step);
      }
      continue;
    }
    const { value } = step;
    if (typeof value === 'string') {
      const found = bad(value);
      if (found) return found;
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) push(value[i], false, i, step);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value).reverse()) push(item, false, key, step);
    }
  }
  return undefined;
}

/** A variable where it is first used, and what its default holds if it is not sent. */
interface Usage {
  name: string;
  place: Step;
  badDefault?: BadString;
}

/** What a document itself holds: a bad literal, or the variables to look at per request. */
type Plan = { literal: BadString } | { literal?: undefined; usages: Usage[] };

// Parsed documents are cached by the gateway and by Apollo Server, so the same object comes
// back for the same operation: it is walked once, and each request walks only its variables.
const plans = new WeakMap<DocumentNode, Plan>();

function planOf(document: DocumentNode): Plan {
  const known = plans.get(document);
  if (known) return known;
  const defaults = new Map<string, ValueNode[]>();
  const roots: Step[] = [];
  visit(document, {
    VariableDefinition(node) {
      const name = node.variable.name.value;
      if (node.defaultValue) defaults.set(name, [...(defaults.get(name) ?? []), node.defaultValue]);
      return false;
    },
    Argument(node) {
      roots.push({ value: node.value, literal: true, key: node.name.value });
      return false;
    },
  });
  const usages = new Map<string, Usage>();
  const literal = firstBad(roots, (name, place) => {
    if (!usages.has(name)) usages.set(name, { name, place });
  });
  for (const usage of usages.values()) {
    // A variable stands where it is used: its default, like its value, gets that place's path.
    const { key, parent } = usage.place;
    const given = (defaults.get(usage.name) ?? []).map((value) => ({
      value,
      literal: true,
      key,
      parent,
    }));
    usage.badDefault = firstBad(given);
  }
  const plan: Plan = literal ? { literal } : { usages: [...usages.values()] };
  plans.set(document, plan);
  return plan;
}

/**
 * The first string PostgreSQL could not store in the arguments an operation passes: written in
 * the document (every field and directive argument, with the input objects and lists inside it)
 * or sent as variables (or their defaults), JSON scalars such as `_entities`' representations
 * included. A variable's path is that of the place it is first used.
 */
export function findBadString(
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> | null | undefined,
): BadString | undefined {
  const plan = planOf(document);
  if (plan.literal) return plan.literal;
  for (const { name, place, badDefault } of plan.usages) {
    if (!variables || !Object.hasOwn(variables, name)) {
      if (badDefault) return badDefault;
      continue;
    }
    const found = firstBad([
      { value: variables[name], literal: false, key: place.key, parent: place.parent },
    ]);
    if (found) return found;
  }
  return undefined;
}

/**
 * The refusal of an operation that passes a string PostgreSQL could not store: the caller's
 * error, with the argument named and status 400, before anything is planned or queried.
 */
export function badStringRefusal(
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> | null | undefined,
): GraphQLError | undefined {
  const found = findBadString(document, variables);
  if (!found) return undefined;
  return badUserInput(`The argument "${found.argument}" ${found.problem}.`, found.argument, 400);
}
