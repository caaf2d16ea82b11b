import { Kind, type DocumentNode, type StringValueNode } from 'graphql';
import { clientDocument } from './sdl';

/** Root operation types carry no description of their own: type-graphql cannot give them one. */
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

const blank = (description: StringValueNode | undefined) => !description?.value.trim();

/**
 * Paths (`Type`, `Type.field`, `Type.field(argument)`, `Enum.VALUE`, `Input.field`) of every
 * type, field, argument, enum value and input field a client can see in this SDL that has no
 * description. Federation's own definitions (`_Service`, `join__*`, `link__*`…) are skipped.
 */
export function missingDescriptions(sdl: string | DocumentNode): string[] {
  const document = typeof sdl === 'string' ? clientDocument(sdl) : sdl;
  const missing: string[] = [];
  for (const node of document.definitions) {
    switch (node.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_DEFINITION:
        if (!ROOT_TYPES.has(node.name.value) && blank(node.description)) {
          missing.push(node.name.value);
        }
        for (const field of node.fields ?? []) {
          const path = `${node.name.value}.${field.name.value}`;
          if (blank(field.description)) missing.push(path);
          for (const argument of field.arguments ?? []) {
            if (blank(argument.description)) missing.push(`${path}(${argument.name.value})`);
          }
        }
        break;
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
        if (blank(node.description)) missing.push(node.name.value);
        for (const field of node.fields ?? []) {
          if (blank(field.description)) missing.push(`${node.name.value}.${field.name.value}`);
        }
        break;
      case Kind.ENUM_TYPE_DEFINITION:
        if (blank(node.description)) missing.push(node.name.value);
        for (const value of node.values ?? []) {
          if (blank(value.description)) missing.push(`${node.name.value}.${value.name.value}`);
        }
        break;
      case Kind.UNION_TYPE_DEFINITION:
      case Kind.SCALAR_TYPE_DEFINITION:
        if (blank(node.description)) missing.push(node.name.value);
        break;
      default:
        break;
    }
  }
  return missing;
}
