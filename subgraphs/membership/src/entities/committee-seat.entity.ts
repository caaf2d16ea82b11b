import { Entity, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { WithProvenance } from '../../../shared/src/provenance';
import { CommitteeRole } from '../../../shared/src/vocabulary';

/** An entity's seat on the Coordination Committee. */
@ObjectType({
  simpleResolvers: true,
  description: "An entity's seat on the Coordination Committee.",
})
@Entity({ name: 'committee_seat' })
export class CommitteeSeat extends WithProvenance {
  @PrimaryColumn({ name: 'entity_id', type: 'uuid' })
  entityId!: string;

  @Field(() => CommitteeRole, { description: 'Chair, vice-chair, secretariat or member.' })
  @PrimaryColumn({ type: 'varchar', length: 16 })
  role!: CommitteeRole;
}
