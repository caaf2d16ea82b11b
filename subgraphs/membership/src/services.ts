import type { ReferenceTable } from '../../shared/src/reference-table';
import type { MemberState } from './entities/member-state.entity';

/** The Member States, read once per process: no request writes them. */
export interface MembershipServices {
  states: ReferenceTable<MemberState>;
}
