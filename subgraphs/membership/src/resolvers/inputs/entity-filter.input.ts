import { ArgsType, Field, InputType } from 'type-graphql';
import { PageArgs } from '../../../../shared/src/pagination';
import { EntityKind } from '../../../../shared/src/vocabulary';

@InputType({ description: 'Narrows a list of Compact entities; every given condition must hold.' })
export class EntityFilter {
  @Field(() => [EntityKind], { nullable: true, description: 'Entities of any of these kinds.' })
  kind?: EntityKind[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only observers (true) or only full members (false).',
  })
  isObserver?: boolean | null;
}

@ArgsType()
export class EntityPageArgs extends PageArgs {
  @Field(() => EntityFilter, { nullable: true, description: 'Conditions every entity must meet.' })
  filter?: EntityFilter | null;
}
