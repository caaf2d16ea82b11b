import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { DateScalar, DecimalScalar } from '../../../shared/src/scalars';

/** One value of an indicator on one date; measurements are added, never changed. */
@ObjectType({
  simpleResolvers: true,
  description: 'One value of an indicator, as measured on a date. Measurements are only added.',
})
@Entity({ name: 'measurement' })
export class Measurement {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'indicator_id', type: 'uuid' })
  indicatorId!: string;

  @Field(() => DecimalScalar, { description: 'The value, in the unit of the indicator.' })
  @Column({ type: 'numeric', precision: 18, scale: 4 })
  value!: string;

  @Field(() => DateScalar, { description: 'When it was measured.' })
  @Column({ name: 'measured_on', type: 'date' })
  measuredOn!: string;

  @Field(() => DateTimeResolver, { description: 'When it was recorded in the graph.' })
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
