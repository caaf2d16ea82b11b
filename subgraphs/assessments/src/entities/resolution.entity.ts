import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { WithProvenance } from '../../../shared/src/provenance';

/** A Security Council or General Assembly resolution that frames counter-terrorism work. */
@Directive('@key(fields: "symbol")')
@ObjectType({
  simpleResolvers: true,
  description: 'A Security Council or General Assembly resolution that assessments refer to.',
})
@Entity({ name: 'resolution' })
export class Resolution extends WithProvenance {
  @Field({ description: 'Document symbol, such as "S/RES/2395(2017)".' })
  @PrimaryColumn({ type: 'varchar', length: 32 })
  symbol!: string;

  @Field({ description: 'Resolution number, such as "2395" or "60/288".' })
  @Column({ type: 'varchar', length: 16 })
  number!: string;

  @Field(() => Int, { description: 'Year of adoption.' })
  @Column('int')
  year!: number;

  @Field({ description: 'The organ that adopted it: "Security Council" or "General Assembly".' })
  @Column('text')
  body!: string;

  @Field({ description: 'What it is about.' })
  @Column('text')
  subject!: string;
}
