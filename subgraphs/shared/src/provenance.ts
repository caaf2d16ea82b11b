import { Column } from 'typeorm';
import { Directive, Field, ObjectType } from 'type-graphql';
import { ProvenanceKind } from './vocabulary';

/** Where a record comes from, so sample data is never mistaken for fact. */
@Directive('@shareable')
@ObjectType({ simpleResolvers: true, description: 'Where a record comes from.' })
export class Provenance {
  @Field(() => ProvenanceKind, { description: 'Sourced fact, inference, or sample data.' })
  kind!: ProvenanceKind;

  @Field(() => String, { nullable: true, description: 'The public source the fact was read in.' })
  source!: string | null;

  @Field(() => String, { nullable: true, description: 'What the source does and does not say.' })
  notes!: string | null;
}

/** Columns every seeded table carries; an entity extends it and exposes `provenance`. */
@ObjectType({ simpleResolvers: true, description: 'A record that says where it comes from.' })
export abstract class WithProvenance {
  @Column({ name: 'provenance', type: 'varchar', length: 16, default: ProvenanceKind.RECORDED })
  provenanceKind!: ProvenanceKind;

  @Column({ name: 'source', type: 'text', nullable: true })
  source!: string | null;

  @Column({ name: 'notes', type: 'text', nullable: true })
  notes!: string | null;

  @Field(() => Provenance, { description: 'Where this record comes from.' })
  get provenance(): Provenance {
    return { kind: this.provenanceKind, source: this.source, notes: this.notes };
  }
}
