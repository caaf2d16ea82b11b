import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { WithProvenance } from '../../../shared/src/provenance';

/** A joint resource-mobilization appeal of the Compact. */
@Directive('@key(fields: "id")')
@ObjectType({
  simpleResolvers: true,
  description:
    "A joint resource-mobilization appeal of the Compact's entities, such as the Multi-Year Appeal 2019–2020.",
})
@Entity({ name: 'appeal' })
export class Appeal extends WithProvenance {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryColumn('uuid')
  id!: string;

  @Field({ description: 'Title.' })
  @Column({ type: 'text', unique: true })
  title!: string;

  @Field(() => Int, { description: 'First year the appeal covers.' })
  @Column({ name: 'period_start', type: 'int' })
  periodStart!: number;

  @Field(() => Int, { description: 'Last year the appeal covers.' })
  @Column({ name: 'period_end', type: 'int' })
  periodEnd!: number;

  @Column({ type: 'numeric', precision: 16, scale: 2 })
  requested!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;
}
