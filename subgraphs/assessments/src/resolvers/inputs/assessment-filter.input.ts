import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { PageArgs } from '../../../../shared/src/pagination';
import {
  AssessmentStatus,
  AssessmentType,
  Confidentiality,
} from '../../../../shared/src/vocabulary';

@InputType({ description: 'Narrows a list of assessments; every given condition must hold.' })
export class AssessmentFilter {
  @Field(() => [String], {
    nullable: true,
    description: 'Assessments of any of these Member States (ISO3 codes, such as "NGA").',
  })
  memberState?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Started in this year or later.' })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'Started in this year or earlier.' })
  yearTo?: number | null;

  @Field(() => [AssessmentType], { nullable: true, description: 'Of any of these types.' })
  type?: AssessmentType[] | null;

  @Field(() => [AssessmentStatus], { nullable: true, description: 'In any of these states.' })
  status?: AssessmentStatus[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Covering any of these thematic areas (codes, such as "CFT").',
  })
  thematicArea?: string[] | null;

  @Field(() => [Confidentiality], {
    nullable: true,
    description: 'With any of these confidentiality levels.',
  })
  confidentiality?: Confidentiality[] | null;
}

@ArgsType()
export class AssessmentPageArgs extends PageArgs {
  @Field(() => AssessmentFilter, {
    nullable: true,
    description: 'Conditions every assessment must meet.',
  })
  filter?: AssessmentFilter | null;
}
