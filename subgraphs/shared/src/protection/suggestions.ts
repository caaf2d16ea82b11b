/**
 * graphql-js ends many messages with " Did you mean …?", naming fields, arguments, types, input
 * fields and enum values the caller did not ask for: with introspection off, that would let a
 * caller read the schema one guess at a time.
 */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/** The message without graphql-js's suggestions; what the caller sent is still named. */
export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}
