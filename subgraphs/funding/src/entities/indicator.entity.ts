import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../../shared/src/scalars';
import { Versioned } from '../../../shared/src/versioned';

/** Something a project measures to show its progress, from a baseline towards a target. */
@ObjectType({
  simpleResolvers: true,
  description:
    'Something a project measures to show its progress, such as "Border officers trained", from a baseline towards a target.',
})
@Entity({ name: 'indicator' })
export class Indicator extends Versioned {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Field({ description: 'What is measured; unique within the project.' })
  @Column('text')
  name!: string;

  @Field({ description: 'The unit of its values, such as "officers" or "%".' })
  @Column('text')
  unit!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'The value before the project started; null if unknown.',
  })
  @Column({ type: 'numeric', precision: 18, scale: 4, nullable: true })
  baseline!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'The value the project aims for; null if none was set.',
  })
  @Column({ type: 'numeric', precision: 18, scale: 4, nullable: true })
  target!: string | null;
}
