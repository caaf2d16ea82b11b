import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import {
  isAbstractType,
  Kind,
  parse,
  type ConstDirectiveNode,
  type SelectionSetNode,
  type TypeNode,
  type ValidationRule,
} from 'graphql';
import { refusal } from '../../../subgraphs/shared/src/protection/refusal';

/**
 * By type, the fields the gateway selects itself to join subgraphs: `__typename` and the keys of
 * each entity, and every field a `@requires` selects, at the type where it selects it.
 */
export type JoinFields = ReadonlyMap<string, ReadonlySet<string>>;

const namedType = (type: TypeNode): string =>
  type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);

function argument(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = directive.arguments?.find((arg) => arg.name.value === name)?.value;
  return value?.kind === Kind.STRING ? value.value : undefined;
}

/** Reads the join fields from a supergraph's `@join__type(key:)` and `@join__field(requires:)`. */
export function joinFieldsOf(supergraphSdl: string): JoinFields {
  const fieldTypes = new Map<string, Map<string, string>>();
  const fieldSets: { type: string; fields: string }[] = [];
  const joined = new Map<string, Set<string>>();
  const add = (type: string, field: string) =>
    joined.set(type, (joined.get(type) ?? new Set()).add(field));

  for (const definition of parse(supergraphSdl).definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
      definition.kind !== Kind.INTERFACE_TYPE_EXTENSION
    ) {
      continue;
    }
    const type = definition.name.value;
    const fields = fieldTypes.get(type) ?? new Map<string, string>();
    fieldTypes.set(type, fields);
    for (const directive of definition.directives ?? []) {
      const key = directive.name.value === 'join__type' ? argument(directive, 'key') : undefined;
      if (key === undefined) continue;
      add(type, '__typename');
      fieldSets.push({ type, fields: key });
    }
    for (const field of definition.fields ?? []) {
      fields.set(field.name.value, namedType(field.type));
      for (const directive of field.directives ?? []) {
        const requires =
          directive.name.value === 'join__field' ? argument(directive, 'requires') : undefined;
        if (requires !== undefined) fieldSets.push({ type, fields: requires });
      }
    }
  }

  const walk = (selectionSet: SelectionSetNode, type: string | undefined) => {
    if (!type) return;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        add(type, selection.name.value);
        if (selection.selectionSet) {
          walk(selection.selectionSet, fieldTypes.get(type)?.get(selection.name.value));
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, selection.typeCondition?.name.value ?? type);
      }
    }
  };
  for (const { type, fields } of fieldSets) {
    const [operation] = parse(`{ ${fields} }`).definitions;
    if (operation.kind === Kind.OPERATION_DEFINITION) walk(operation.selectionSet, type);
  }
  return joined;
}

/**
 * Refuses an alias that takes the name of a join field on its type. The planner (0.0.38) reads
 * what it joins with by response name, so such an alias puts the caller's value where the key
 * or the required field should be: the gateway then signs, and a subgraph trusts, a
 * representation the caller shaped (wrong answers, at least), and some such operations abort the
 * whole process in the planner's native code. An operation that needs both names another alias.
 */
function joinAliasRule(joinFields: JoinFields): ValidationRule {
  return (context) => ({
    Field(node) {
      const alias = node.alias?.value;
      const parent = context.getParentType();
      if (!alias || !parent) return;
      const types = isAbstractType(parent)
        ? [parent, ...context.getSchema().getPossibleTypes(parent)]
        : [parent];
      const joining = types.find((type) => joinFields.get(type.name)?.has(alias));
      if (!joining) return;
      context.reportError(
        refusal(
          'OPERATION_NOT_PLANNABLE',
          `The alias "${alias}" on ${joining.name} is the name of a field the gateway uses to join subgraphs (a key, or a field another subgraph requires): choose another alias.`,
          400,
        ),
      );
    },
  });
}

/** The join-alias rule with the join fields of the supergraph being served. */
export function usePlannableAliases(current: () => JoinFields): GatewayPlugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(joinAliasRule(current()));
    },
  };
}
