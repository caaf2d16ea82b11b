import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { entityRef, memberStateRef } from '../../../shared/src/references.type';

/**
 * Types other subgraphs own, as funding knows them: by key, with the fields funding adds and
 * nothing else: what they are is their owner's to say.
 */

export const EntityRef = entityRef();
export type EntityRef = InstanceType<typeof EntityRef>;

export const MemberStateRef = memberStateRef();
export type MemberStateRef = InstanceType<typeof MemberStateRef>;

@Directive('@key(fields: "code")')
@ObjectType('ThematicArea', {
  simpleResolvers: true,
  description:
    'A theme of counter-terrorism work used by CTED assessments, their recommendations and the projects that address them.',
})
export class ThematicAreaRef {
  @Field({ description: 'Stable code, such as "CFT".' })
  code!: string;

  static of(code: string): ThematicAreaRef {
    return Object.assign(new ThematicAreaRef(), { code });
  }
}

@Directive('@key(fields: "id")')
@ObjectType('Recommendation', {
  simpleResolvers: true,
  description:
    'A recommendation an assessment made to a Member State; when technical assistance is needed, it is a need that capacity-building projects can address.',
})
export class RecommendationRef {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  static of(id: string): RecommendationRef {
    return Object.assign(new RecommendationRef(), { id });
  }
}

@Directive('@key(fields: "id")')
@ObjectType('Assessment', {
  simpleResolvers: true,
  description:
    "An assessment of a Member State's implementation of the Security Council's counter-terrorism resolutions, made by CTED on behalf of the Counter-Terrorism Committee.",
})
export class AssessmentRef {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  static of(id: string): AssessmentRef {
    return Object.assign(new AssessmentRef(), { id });
  }
}
