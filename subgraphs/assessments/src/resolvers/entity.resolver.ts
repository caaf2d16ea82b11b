import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { nullWhenUnreachable } from '../../../shared/src/outages';
import { PageArgs } from '../../../shared/src/pagination';
import type { AssessmentsContext } from '../context';
import { EntityRef } from '../entities/references.type';
import { AssessmentConnection } from './assessment.resolver';

@Resolver(() => EntityRef)
export class EntityAssessmentsResolver {
  @FieldResolver(() => AssessmentConnection, {
    nullable: true,
    description: `Assessments the entity led or took part in that the caller may see, newest first. ${nullWhenUnreachable('assessments')}`,
  })
  assessmentsParticipated(
    @Root() entity: EntityRef,
    @Ctx() context: AssessmentsContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
  ) {
    return context.loaders.assessmentsOfEntity(entity.acronym, { first, after });
  }
}

export const entityReference = {
  Entity: {
    __resolveReference(reference: { acronym: string }) {
      return EntityRef.of(reference.acronym);
    },
  },
};
