import { Kind } from 'graphql';
import { namedType, type SupergraphRouting, type TypeRouting } from './routing';

/**
 * A field whose value needs a subgraph other than the one that resolved its parent, so that an
 * outage of that subgraph errors there. It must be nullable: GraphQL moves the null of a failed
 * non-null field up to the nearest nullable parent, and would take the rest of that parent
 * (data its own subgraph still serves) with it.
 */
export interface FaultBoundary {
  /** `Type.field`. */
  coordinate: string;
  /** The subgraphs whose schemas declare it. */
  graphs: string[];
  /** Why an outage of another subgraph stops here. */
  reasons: string[];
  nullable: boolean;
}

const isEntity = (type: TypeRouting | undefined): boolean => (type?.keyGraphs.length ?? 0) > 0;

/**
 * The subgraphs that reach `target` from one of their own `Query` fields without passing through
 * an entity (through connections, edges and other value types): those that look it up by
 * itself, not from a key another subgraph handed them.
 */
function lookedUpBy(routing: SupergraphRouting, target: string): string[] {
  const found = new Set<string>();
  for (const graph of routing.graphs) {
    const seen = new Set<string>();
    const visit = (typeName: string): boolean => {
      if (typeName === target) return true;
      const type = routing.types.get(typeName);
      if (!type || isEntity(type) || seen.has(typeName)) return false;
      seen.add(typeName);
      return [...type.fields.values()].some(
        (field) => field.graphs.includes(graph) && visit(namedType(field.type)),
      );
    };
    const query = routing.types.get('Query');
    const roots = [...(query?.fields.values() ?? [])].filter((f) => f.graphs.includes(graph));
    if (roots.some((field) => visit(namedType(field.type)))) found.add(graph);
  }
  return [...found];
}

/**
 * Which subgraph owns each entity type: the one subgraph that defines it; else the one whose
 * own queries return it (the others only hold its key); else, among those, the one that
 * resolves most of its fields. Throws when that still leaves a tie.
 */
export function entityOwners(routing: SupergraphRouting): Map<string, string> {
  const owners = new Map<string, string>();
  for (const type of routing.types.values()) {
    if (!isEntity(type)) continue;
    if (type.graphs.length === 1) {
      owners.set(type.name, type.graphs[0]);
      continue;
    }
    let candidates = lookedUpBy(routing, type.name);
    if (candidates.length !== 1) {
      const pool = candidates.length ? candidates : type.graphs;
      const fieldsOf = (graph: string) =>
        [...type.fields.values()].filter((f) => f.graphs.length === 1 && f.graphs[0] === graph)
          .length;
      const most = Math.max(...pool.map(fieldsOf));
      candidates = pool.filter((graph) => fieldsOf(graph) === most);
    }
    if (candidates.length !== 1) {
      throw new Error(
        `Cannot tell which subgraph owns ${type.name}: ${candidates.join(', ')} look it up and resolve as many of its fields.`,
      );
    }
    owners.set(type.name, candidates[0]);
  }
  return owners;
}

/**
 * Every field of the supergraph that an outage of another subgraph errors: a field a subgraph
 * adds to an entity another owns, a field whose value is an entity (or a list of them) another
 * subgraph owns, and a field computed from another's fields (`@requires`).
 */
export function faultBoundaries(routing: SupergraphRouting): FaultBoundary[] {
  const owners = entityOwners(routing);
  const boundaries: FaultBoundary[] = [];
  for (const type of routing.types.values()) {
    const typeOwner = owners.get(type.name);
    for (const [name, field] of type.fields) {
      const reasons: string[] = [];
      const graphs = new Set<string>();
      if (typeOwner && !field.graphs.includes(typeOwner)) {
        reasons.push(`${field.graphs.join(', ')} adds it to ${type.name}, which ${typeOwner} owns`);
        field.graphs.forEach((g) => graphs.add(g));
      }
      const valueType = namedType(field.type);
      const valueOwner = owners.get(valueType);
      const foreign = field.graphs.filter((graph) => valueOwner && graph !== valueOwner);
      if (foreign.length) {
        reasons.push(`its value is of type ${valueType}, which ${valueOwner} owns`);
        foreign.forEach((g) => graphs.add(g));
      }
      if (field.requires !== undefined) {
        reasons.push('it is computed from fields of another subgraph (@requires)');
        field.graphs.forEach((g) => graphs.add(g));
      }
      if (!reasons.length) continue;
      boundaries.push({
        coordinate: `${type.name}.${name}`,
        graphs: [...graphs],
        reasons,
        nullable: field.type.kind !== Kind.NON_NULL_TYPE,
      });
    }
  }
  return boundaries;
}
