import { Directive, Field, ObjectType } from 'type-graphql';

/** A Member State as this subgraph knows it: by key, extended with its assessments. */
@Directive('@key(fields: "iso3")')
@ObjectType('MemberState', {
  simpleResolvers: true,
  description: 'One of the 193 United Nations Member States.',
})
export class MemberStateRef {
  @Field({ description: 'ISO 3166-1 alpha-3 code, such as "NGA".' })
  iso3!: string;

  static of(iso3: string): MemberStateRef {
    return Object.assign(new MemberStateRef(), { iso3 });
  }
}

/** A Compact entity as this subgraph knows it: by acronym, extended with its assessments. */
@Directive('@key(fields: "acronym")')
@ObjectType('Entity', {
  simpleResolvers: true,
  description: 'A member of the Global Counter-Terrorism Coordination Compact.',
})
export class EntityRef {
  @Field({ description: 'Short name used across the UN system, such as "UNODC".' })
  acronym!: string;

  static of(acronym: string): EntityRef {
    return Object.assign(new EntityRef(), { acronym });
  }
}
