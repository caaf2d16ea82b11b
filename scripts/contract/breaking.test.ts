import { checkContract } from './breaking';
import { isRecorded, recordedBreakingPaths } from './changelog';

const released = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])
"""A project."""
type Project @key(fields: "id") {
  """Id."""
  id: ID!
  """Code."""
  code: String!
}
type Query {
  """Projects."""
  projects(
    """Page size."""
    first: Int
  ): [Project!]!
}
`;

const changelog = (...breaking: string[]) => `# Changelog

## [Unreleased]

### Breaking

${breaking.map((line) => `- ${line}`).join('\n')}

## [0.1.0] - 2026-11-28

### Breaking

- \`Project.title\`: an old entry, already released.
`;

const run = (current: string, log = changelog()) =>
  checkContract([{ name: 'funding', released, current }], log);

test('an unchanged schema passes', async () => {
  expect(await run(released)).toEqual({ unrecorded: [], recorded: [], dangerous: [] });
});

test('a breaking change without a changelog entry fails', async () => {
  const report = await run(released.replace('  """Code."""\n  code: String!\n', ''));
  expect(report.unrecorded).toEqual([
    {
      schema: 'funding',
      path: 'Project.code',
      message: "Field 'code' was removed from object type 'Project'",
    },
  ]);
  expect(report.recorded).toEqual([]);
});

test('a breaking change recorded under Unreleased passes', async () => {
  const report = await run(
    released.replace('  """Code."""\n  code: String!\n', ''),
    changelog('`Project.code`: removed; use `Project.id`.'),
  );
  expect(report.unrecorded).toEqual([]);
  expect(report.recorded.map((c) => c.path)).toEqual(['Project.code']);
});

test('an entry in a released section does not record a new breaking change', async () => {
  const report = await run(released.replace('code: String!', 'title: String!'));
  expect(report.unrecorded.map((c) => c.path)).toEqual(['Project.code']);
});

test('an entry covers the changes under its path', async () => {
  const report = await run(
    released.replace('first: Int', 'first: Int!'),
    changelog('`Query.projects`: `first` is now required.'),
  );
  expect(report.unrecorded).toEqual([]);
  expect(report.recorded.map((c) => c.path)).toEqual(['Query.projects.first']);
});

test('a non-breaking addition passes', async () => {
  const report = await run(
    released.replace('  code: String!\n', '  code: String!\n  """Title."""\n  title: String\n'),
  );
  expect(report.unrecorded).toEqual([]);
  expect(report.recorded).toEqual([]);
});

test('federation routing details are not client changes', async () => {
  const report = await run(released.replace('@key(fields: "id")', '@key(fields: "code")'));
  expect(report).toEqual({ unrecorded: [], recorded: [], dangerous: [] });
});

test('a removed schema is breaking; a schema never released is not compared', async () => {
  const report = await checkContract(
    [
      { name: 'funding', released, current: undefined },
      { name: 'grants', released: undefined, current: released },
    ],
    changelog(),
  );
  expect(report.unrecorded.map((c) => c.path)).toEqual(['funding']);
});

test('only backticked paths under Unreleased › Breaking are read', () => {
  const paths = recordedBreakingPaths(
    [
      '## Unreleased',
      '### Added',
      '- `Query.added`',
      '### Breaking changes',
      '- `Query.projects` and `Project.code` (see `docs/partners.md`)',
      '## [0.1.0]',
      '### Breaking',
      '- `Query.old`',
    ].join('\n'),
  );
  expect([...paths]).toEqual(['Query.projects', 'Project.code', 'docs/partners.md']);
  expect(isRecorded('Query.projects.first', paths)).toBe(true);
  expect(isRecorded('Query.project', paths)).toBe(false);
});
