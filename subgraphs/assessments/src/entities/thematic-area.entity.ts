import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ObjectType } from 'type-graphql';
import { WithProvenance } from '../../../shared/src/provenance';

/** A theme of counter-terrorism work, shared by assessments, recommendations and projects. */
@Directive('@key(fields: "code")')
@ObjectType({
  simpleResolvers: true,
  description:
    'A theme of counter-terrorism work used by CTED assessments, their recommendations and the projects that address them.',
})
@Entity({ name: 'thematic_area' })
export class ThematicArea extends WithProvenance {
  @Field({ description: 'Stable code, such as "CFT".' })
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @Field({ description: 'Name, such as "Countering the financing of terrorism".' })
  @Column('text')
  name!: string;
}
