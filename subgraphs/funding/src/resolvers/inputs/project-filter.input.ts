import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../../../../shared/src/pagination';
import { ProjectStatus } from '../../../../shared/src/vocabulary';

@InputType({ description: 'Narrows a list of projects; every given condition must hold.' })
export class ProjectFilter {
  @Field(() => [ProjectStatus], { nullable: true, description: 'In any of these states.' })
  status?: ProjectStatus[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Led by any of these entities (acronyms, such as "UNODC").',
  })
  leadEntity?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Benefiting any of these Member States (ISO3 codes, such as "NGA").',
  })
  beneficiaryState?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Working in any of these thematic areas (codes, such as "CFT").',
  })
  thematicArea?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Part of this programme.' })
  programme?: string | null;

  @Field(() => ID, { nullable: true, description: 'Part of this appeal.' })
  appeal?: string | null;
}

@ArgsType()
export class ProjectPageArgs extends PageArgs {
  @Field(() => ProjectFilter, {
    nullable: true,
    description: 'Conditions every project must meet.',
  })
  filter?: ProjectFilter | null;
}
