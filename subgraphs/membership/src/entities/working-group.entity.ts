import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Versioned } from '../../../shared/src/versioned';

/** One of the Compact's inter-agency working groups. */
@Directive('@key(fields: "id")')
@ObjectType({
  simpleResolvers: true,
  description: "One of the Compact's inter-agency working groups, chaired by one or more entities.",
})
@Entity({ name: 'working_group' })
export class WorkingGroup extends Versioned {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryColumn('uuid')
  id!: string;

  @Field({ description: 'Full name.' })
  @Column({ type: 'text', unique: true })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Short name, such as "RMME".' })
  @Column({ name: 'short_name', type: 'varchar', length: 32, nullable: true })
  shortName!: string | null;

  @Field({ description: 'What the group works on.' })
  @Column('text')
  mandate!: string;
}
