import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { isRecorded, recordedBreakingPaths } from './changelog';
import { clientSchema } from './sdl';

export interface SchemaVersions {
  /** `supergraph` or a subgraph's name. */
  name: string;
  /** The SDL last released (`schema/released/<name>.graphql`); undefined if never released. */
  released?: string;
  /** The SDL generated from the code now; undefined if the schema is gone. */
  current?: string;
}

export interface ContractChange {
  schema: string;
  path: string;
  message: string;
}

export interface ContractReport {
  /** Breaking changes that CHANGELOG.md does not record: these fail the check. */
  unrecorded: ContractChange[];
  /** Breaking changes CHANGELOG.md records. */
  recorded: ContractChange[];
  /** Changes that can break some clients (a new enum value, a new optional argument…). */
  dangerous: ContractChange[];
}

function toContractChange(schema: string, change: Change): ContractChange {
  return { schema, path: change.path ?? schema, message: change.message };
}

/**
 * Compares each schema with its last released version (@graphql-inspector/core, as clients see
 * it) and sorts the changes by whether they break clients and whether CHANGELOG.md records them.
 */
export async function checkContract(
  versions: SchemaVersions[],
  changelog: string,
): Promise<ContractReport> {
  const recordedPaths = recordedBreakingPaths(changelog);
  const report: ContractReport = { unrecorded: [], recorded: [], dangerous: [] };
  for (const { name, released, current } of versions) {
    if (released === undefined) continue;
    const breaking: ContractChange[] = [];
    if (current === undefined) {
      breaking.push({ schema: name, path: name, message: `The schema "${name}" was removed.` });
    } else {
      for (const change of await diff(clientSchema(released), clientSchema(current))) {
        if (change.criticality.level === CriticalityLevel.Breaking) {
          breaking.push(toContractChange(name, change));
        } else if (change.criticality.level === CriticalityLevel.Dangerous) {
          report.dangerous.push(toContractChange(name, change));
        }
      }
    }
    for (const change of breaking) {
      (isRecorded(change.path, recordedPaths) ? report.recorded : report.unrecorded).push(change);
    }
  }
  return report;
}
