import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../../../../shared/src/pagination';
import { ContributionStatus } from '../../../../shared/src/vocabulary';

@InputType({ description: 'Narrows a list of contributions; every given condition must hold.' })
export class ContributionFilter {
  @Field(() => ID, { nullable: true, description: 'From this donor.' })
  donor?: string | null;

  @Field(() => ID, { nullable: true, description: 'To this project.' })
  project?: string | null;

  @Field(() => ID, { nullable: true, description: 'To this programme directly.' })
  programme?: string | null;

  @Field(() => [ContributionStatus], { nullable: true, description: 'In any of these states.' })
  status?: ContributionStatus[] | null;
}

@ArgsType()
export class ContributionPageArgs extends PageArgs {
  @Field(() => ContributionFilter, {
    nullable: true,
    description: 'Conditions every contribution must meet.',
  })
  filter?: ContributionFilter | null;
}
