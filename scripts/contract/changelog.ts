/**
 * The convention, also written at the top of CHANGELOG.md: a breaking change is recorded when the
 * `## [Unreleased]` section has a `### Breaking` subsection whose text names the change's path
 * in backticks, such as `` `Query.projects` ``. An entry also covers everything under its path:
 * `` `Project.budget` `` covers the argument `Project.budget.currency`.
 */
export function recordedBreakingPaths(changelog: string): Set<string> {
  const paths = new Set<string>();
  let inUnreleased = false;
  let inBreaking = false;
  for (const line of changelog.split('\n')) {
    const h2 = /^##\s+(.*)$/.exec(line);
    if (h2) {
      inUnreleased = /^\[?unreleased\]?\s*$/i.test(h2[1].trim());
      inBreaking = false;
      continue;
    }
    const h3 = /^###\s+(.*)$/.exec(line);
    if (h3) {
      inBreaking = inUnreleased && /^breaking\b/i.test(h3[1].trim());
      continue;
    }
    if (!inBreaking) continue;
    for (const match of line.matchAll(/`([^`\s]+)`/g)) paths.add(match[1]);
  }
  return paths;
}

/** Whether an entry names this path or one above it (`Query.projects` above `Query.projects.first`). */
export function isRecorded(path: string, recorded: Set<string>): boolean {
  const parts = path.split('.');
  for (let length = parts.length; length > 0; length--) {
    if (recorded.has(parts.slice(0, length).join('.'))) return true;
  }
  return false;
}
