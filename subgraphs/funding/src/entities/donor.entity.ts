import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { WithProvenance } from '../../../shared/src/provenance';
import { DonorKind } from '../../../shared/src/vocabulary';

/** A contributor of funds: a Member State, a regional organization, a fund or a foundation. */
@Directive('@key(fields: "id")')
@ObjectType({
  simpleResolvers: true,
  description: 'A contributor of funds to counter-terrorism capacity building.',
})
@Entity({ name: 'donor' })
export class Donor extends WithProvenance {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryColumn('uuid')
  id!: string;

  @Field({ description: 'Name.' })
  @Column({ type: 'text', unique: true })
  name!: string;

  @Field(() => DonorKind, { description: 'What kind of body it is.' })
  @Column({ type: 'varchar', length: 32 })
  kind!: DonorKind;

  @Column({ name: 'member_state_iso3', type: 'char', length: 3, nullable: true })
  memberStateIso3!: string | null;
}
