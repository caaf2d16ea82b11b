import { CreateDateColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { WithProvenance } from './provenance';

/**
 * A row callers update: `version` goes up by one with every change, and an update must name the
 * version it was based on, so a stale write is refused instead of silently overwriting.
 */
@ObjectType({ simpleResolvers: true, description: 'A record that callers can change.' })
export abstract class Versioned extends WithProvenance {
  @Field(() => Int, {
    description:
      'Goes up by one with every change. Send it back with an update to prove you saw the latest.',
  })
  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
