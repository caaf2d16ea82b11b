import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ObjectType } from 'type-graphql';
import { Region } from '../../../shared/src/vocabulary';

/** A UN Member State, keyed by its ISO 3166-1 alpha-3 code. */
@Directive('@key(fields: "iso3")')
@ObjectType({
  simpleResolvers: true,
  description: 'One of the 193 United Nations Member States.',
})
@Entity({ name: 'member_state' })
export class MemberState {
  @Field({ description: 'ISO 3166-1 alpha-3 code, such as "NGA".' })
  @PrimaryColumn({ type: 'char', length: 3 })
  iso3!: string;

  @Field({ description: 'Common English name, such as "Nigeria".' })
  @Column('text')
  name!: string;

  @Field({ description: 'Official English name, such as "Federal Republic of Nigeria".' })
  @Column({ name: 'official_name', type: 'text' })
  officialName!: string;

  @Field(() => Region, { description: 'Continental region.' })
  @Column({ type: 'varchar', length: 16 })
  region!: Region;

  @Field({ description: 'Subregion, such as "Western Africa".' })
  @Column('text')
  subregion!: string;
}
