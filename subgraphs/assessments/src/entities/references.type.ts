import { entityRef, memberStateRef } from '../../../shared/src/references.type';

/** A Member State as this subgraph knows it: by key, extended with its assessments. */
export const MemberStateRef = memberStateRef();
export type MemberStateRef = InstanceType<typeof MemberStateRef>;

/** A Compact entity as this subgraph knows it: by acronym, extended with its assessments. */
export const EntityRef = entityRef();
export type EntityRef = InstanceType<typeof EntityRef>;
