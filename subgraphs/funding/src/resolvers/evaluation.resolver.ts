import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Evaluation } from '../entities/evaluation.entity';
import { EntityRef } from '../entities/references.type';

@Resolver(() => Evaluation)
export class EvaluationResolver {
  @FieldResolver(() => EntityRef, {
    nullable: true,
    description: 'The Compact entity that made it; null for an outside evaluator.',
  })
  evaluator(@Root() evaluation: Evaluation) {
    return evaluation.evaluatorEntityAcronym
      ? EntityRef.of(evaluation.evaluatorEntityAcronym)
      : null;
  }
}
