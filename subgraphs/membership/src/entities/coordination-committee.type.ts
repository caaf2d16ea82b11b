import { ObjectType } from 'type-graphql';
import type { CommitteeSeat } from './committee-seat.entity';

/** The Compact's Coordination Committee; its fields are resolved from the seats. */
@ObjectType({
  description:
    "The Compact's Coordination Committee, which steers the Compact's work. Chaired by the Under-Secretary-General of UNOCT, which also serves as its secretariat.",
})
export class CoordinationCommittee {
  seats!: CommitteeSeat[];
}
