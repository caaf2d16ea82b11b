import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../shared/src/scalars';
import { WithProvenance } from '../../../shared/src/provenance';

/** A programme that groups capacity-building projects under one lead entity. */
@Directive('@key(fields: "id")')
@ObjectType({
  simpleResolvers: true,
  description:
    "A capacity-building programme, such as UNOCT's Countering Terrorist Travel Programme, that groups projects.",
})
@Entity({ name: 'programme' })
export class Programme extends WithProvenance {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryColumn('uuid')
  id!: string;

  @Field({ description: 'Full name.' })
  @Column({ type: 'text', unique: true })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Short name, such as "CT Travel".' })
  @Column({ name: 'short_name', type: 'varchar', length: 64, nullable: true })
  shortName!: string | null;

  @Column({ name: 'lead_entity_acronym', type: 'varchar', length: 32 })
  leadEntityAcronym!: string;

  @Field(() => DateScalar, { nullable: true, description: 'When it was launched, if known.' })
  @Column({ name: 'launched_on', type: 'date', nullable: true })
  launchedOn!: string | null;
}
