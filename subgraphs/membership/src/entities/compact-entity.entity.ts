import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../shared/src/scalars';
import { Versioned } from '../../../shared/src/versioned';
import { EntityKind } from '../../../shared/src/vocabulary';

/** A Compact entity: a UN office, agency, fund or programme, or a partner organization. */
@Directive('@key(fields: "id")')
@Directive('@key(fields: "acronym")')
@ObjectType('Entity', {
  simpleResolvers: true,
  description:
    'A member of the Global Counter-Terrorism Coordination Compact: a UN office, agency, fund or programme, or a partner organization such as INTERPOL or the World Customs Organization.',
})
@Entity({ name: 'entity' })
export class CompactEntity extends Versioned {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryColumn('uuid')
  id!: string;

  @Field({ description: 'Short name used across the UN system, such as "UNODC".' })
  @Column({ type: 'varchar', length: 32, unique: true })
  acronym!: string;

  @Field({ description: 'Full name.' })
  @Column('text')
  name!: string;

  @Field(() => EntityKind, { description: 'Where the entity sits in the UN system.' })
  @Column({ type: 'varchar', length: 32 })
  kind!: EntityKind;

  @Field(() => DateScalar, { nullable: true, description: 'When it joined the Compact, if known.' })
  @Column({ name: 'joined_on', type: 'date', nullable: true })
  joinedOn!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'When its head signed the Compact, if known (the Compact was signed on 23 February 2018).',
  })
  @Column({ name: 'signed_compact_on', type: 'date', nullable: true })
  signedCompactOn!: string | null;

  @Field({ description: 'Whether it takes part as an observer rather than a full member.' })
  @Column({ name: 'is_observer', type: 'boolean', default: false })
  isObserver!: boolean;

  @Field(() => String, { nullable: true, description: 'Its public website.' })
  @Column({ type: 'text', nullable: true })
  website!: string | null;
}
