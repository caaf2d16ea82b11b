import {
  ArrayMaxSize,
  IsArray,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Min,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../../../shared/src/scalars';
import {
  AssessmentFormat,
  AssessmentStatus,
  AssessmentType,
  Confidentiality,
} from '../../../../shared/src/vocabulary';
import { OnOrAfter, Optional } from '../../../../shared/src/validation';

const ISO3 = /^\s*[A-Za-z]{3}\s*$/;
/** More than any assessment names; a longer list is a mistake, not data. */
const MAX_LINKS = 100;

const PARTICIPANTS =
  'Other Compact entities that take part, by acronym (such as "UNODC"); CTED leads every assessment and is not listed.';
const RESOLUTIONS = 'Resolutions the assessment refers to, by symbol (such as "S/RES/2395(2017)").';
const AREAS = 'Thematic areas the assessment covers, by code (such as "CFT").';

@InputType({ description: 'A new CTED assessment of a Member State.' })
export class CreateAssessmentInput {
  @Field({
    description: 'The Member State assessed (ISO 3166-1 alpha-3, such as "NGA"); it cannot change.',
  })
  @Matches(ISO3, { message: 'memberState must be a three-letter ISO 3166-1 code, such as "NGA"' })
  memberState!: string;

  @Field(() => AssessmentType, { description: 'Visit, follow-up, focused visit or desk review.' })
  @IsEnum(AssessmentType)
  type!: AssessmentType;

  @Field(() => AssessmentFormat, { description: 'In person, virtual or hybrid.' })
  @IsEnum(AssessmentFormat)
  format!: AssessmentFormat;

  @Field(() => DateScalar, { description: 'First day of the assessment.' })
  startedOn!: Date;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day, not before the first; leave it out while the assessment is under way.',
  })
  @IsOptional()
  @OnOrAfter('startedOn')
  endedOn?: Date | null;

  @Field(() => AssessmentStatus, { description: 'Where the assessment stands.' })
  @IsEnum(AssessmentStatus)
  status!: AssessmentStatus;

  @Field(() => Confidentiality, { description: 'Who may read its report and recommendations.' })
  @IsEnum(Confidentiality)
  confidentiality!: Confidentiality;

  @Field(() => [String], { nullable: true, defaultValue: [], description: PARTICIPANTS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LINKS)
  @Length(2, 32, { each: true })
  participatingEntities?: string[] | null;

  @Field(() => [String], { nullable: true, defaultValue: [], description: RESOLUTIONS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LINKS)
  @Length(3, 32, { each: true })
  resolutions?: string[] | null;

  @Field(() => [String], { nullable: true, defaultValue: [], description: AREAS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LINKS)
  @Length(1, 32, { each: true })
  thematicAreas?: string[] | null;
}

@InputType({
  description:
    'Changes to an assessment; fields left out stay as they are, and only endedOn can be cleared with null. The Member State cannot change.',
})
export class UpdateAssessmentInput {
  @Field(() => ID, { description: 'The assessment to change.' })
  @IsUUID()
  id!: string;

  @Field(() => Int, {
    description: 'The version you read; the change is refused if the assessment has changed since.',
  })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => AssessmentType, {
    nullable: true,
    description: 'Visit, follow-up, focused visit or desk review.',
  })
  @Optional()
  @IsEnum(AssessmentType)
  type?: AssessmentType;

  @Field(() => AssessmentFormat, { nullable: true, description: 'In person, virtual or hybrid.' })
  @Optional()
  @IsEnum(AssessmentFormat)
  format?: AssessmentFormat;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the assessment.' })
  @Optional()
  @IsDate()
  startedOn?: Date;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day, not before the first; null clears it.',
  })
  @IsOptional()
  @OnOrAfter('startedOn')
  endedOn?: Date | null;

  @Field(() => AssessmentStatus, { nullable: true, description: 'Where the assessment stands.' })
  @Optional()
  @IsEnum(AssessmentStatus)
  status?: AssessmentStatus;

  @Field(() => Confidentiality, {
    nullable: true,
    description: 'Who may read its report and recommendations.',
  })
  @Optional()
  @IsEnum(Confidentiality)
  confidentiality?: Confidentiality;

  @Field(() => [String], {
    nullable: true,
    description: `${PARTICIPANTS} When given, replaces the list.`,
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(MAX_LINKS)
  @Length(2, 32, { each: true })
  participatingEntities?: string[];

  @Field(() => [String], {
    nullable: true,
    description: `${RESOLUTIONS} When given, replaces the list.`,
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(MAX_LINKS)
  @Length(3, 32, { each: true })
  resolutions?: string[];

  @Field(() => [String], { nullable: true, description: `${AREAS} When given, replaces the list.` })
  @Optional()
  @IsArray()
  @ArrayMaxSize(MAX_LINKS)
  @Length(1, 32, { each: true })
  thematicAreas?: string[];
}
