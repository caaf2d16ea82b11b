import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface ExampleOperation {
  /** File name without extension, such as "2-state-needs". */
  name: string;
  /** The first comment lines: the question the operation answers. */
  title: string;
  document: string;
}

/**
 * The example operations, one per question of DESIGN.md. They live in plain `.graphql` files so
 * the IDE, the tests, the benchmark and the README use the same text.
 */
export function exampleOperations(
  dir = join(process.cwd(), 'gateway', 'operations'),
): ExampleOperation[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const document = readFileSync(join(dir, file), 'utf8');
      const title = document
        .split('\n')
        .filter((line) => line.startsWith('#'))
        .map((line) => line.replace(/^#\s?/, ''))
        .join(' ');
      return { name: file.replace(/\.graphql$/, ''), title, document };
    });
}
