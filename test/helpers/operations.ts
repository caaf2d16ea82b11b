import { exampleOperations } from '../../gateway/operations';

/** The document of one example operation in gateway/operations, by its file name's number. */
export function operation(question: 1 | 2 | 3 | 4 | 5): string {
  const found = exampleOperations().find((op) => op.name.startsWith(`${question}-`));
  if (!found) throw new Error(`gateway/operations has no operation for question ${question}`);
  return found.document;
}
