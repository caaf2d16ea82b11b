import { Directive, Field, ObjectType } from 'type-graphql';

/*
 * Types membership owns, as a subgraph that extends them knows them: by key. Each subgraph makes
 * its own class: type-graphql keeps the fields a schema's resolvers add on the class, so a class
 * two subgraphs shared would carry one's fields into the other's schema.
 */

/** A Member State, by key. */
export function memberStateRef() {
  @Directive('@key(fields: "iso3")')
  @ObjectType('MemberState', {
    simpleResolvers: true,
    description: 'One of the 193 United Nations Member States.',
  })
  class MemberStateRef {
    @Field({ description: 'ISO 3166-1 alpha-3 code, such as "NGA".' })
    iso3!: string;

    static of(iso3: string): MemberStateRef {
      return Object.assign(new MemberStateRef(), { iso3 });
    }
  }
  return MemberStateRef;
}

/** A Compact entity, by acronym. */
export function entityRef() {
  @Directive('@key(fields: "acronym")')
  @ObjectType('Entity', {
    simpleResolvers: true,
    description: 'A member of the Global Counter-Terrorism Coordination Compact.',
  })
  class EntityRef {
    @Field({ description: 'Short name used across the UN system, such as "UNODC".' })
    acronym!: string;

    static of(acronym: string): EntityRef {
      return Object.assign(new EntityRef(), { acronym });
    }
  }
  return EntityRef;
}
