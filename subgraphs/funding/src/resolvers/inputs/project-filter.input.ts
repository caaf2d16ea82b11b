import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../../../../shared/src/pagination';
import { SEARCH_DESCRIPTION } from '../../../../shared/src/search';
import { ProjectStatus, Region } from '../../../../shared/src/vocabulary';

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

  @Field(() => [Region], {
    nullable: true,
    description: 'Benefiting Member States of any of these regions.',
  })
  region?: Region[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'With any of these entities as a partner (acronyms, such as "INTERPOL").',
  })
  partnerEntity?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Funded by any of these donors: at least one contribution from one of them.',
  })
  donor?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: `Whose title or summary matches these words; \`Query.projects\` lists the best matches first. ${SEARCH_DESCRIPTION}`,
  })
  search?: string | null;

  /** The ISO3 codes of the states of `region`, once `withRegions` has looked them up; not a field. */
  regionStates?: string[];
}

@ArgsType()
export class ProjectPageArgs extends PageArgs {
  @Field(() => ProjectFilter, {
    nullable: true,
    description: 'Conditions every project must meet.',
  })
  filter?: ProjectFilter | null;
}
