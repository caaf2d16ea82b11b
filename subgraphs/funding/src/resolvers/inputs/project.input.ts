import {
  ArrayMaxSize,
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
import { DateScalar, DecimalScalar } from '../../../../shared/src/scalars';
import { ProjectStatus } from '../../../../shared/src/vocabulary';
import { ISO3_LIKE, MONEY, PROJECT_CODE } from './rules';
import { OnOrAfter, Optional } from '../../../../shared/src/validation';

const CODE_MESSAGE =
  'code must be 3 to 32 capital letters, digits and hyphens, starting with a letter or digit, such as "CGC-2025-0001"';
const BUDGET_MESSAGE =
  'budget must be an amount of at least zero with at most two decimals, such as "1250000.00"';
const ISO3_MESSAGE = 'beneficiaryStates must hold ISO 3166-1 alpha-3 codes, such as "NGA"';

@InputType({ description: 'A new capacity-building project.' })
export class CreateProjectInput {
  @Field({ description: 'Project code, such as "CGC-2025-0001"; unique.' })
  @Matches(PROJECT_CODE, { message: CODE_MESSAGE })
  code!: string;

  @Field({ description: 'Title.' })
  @Length(3, 300)
  title!: string;

  @Field({ description: 'What the project does.' })
  @Length(10, 5000)
  summary!: string;

  @Field(() => ProjectStatus, { description: 'Where the project stands.' })
  @IsEnum(ProjectStatus)
  status!: ProjectStatus;

  @Field({
    description:
      'Acronym of the Compact entity that leads it, such as "UNODC". An editor may only name their own entity.',
  })
  @Length(2, 32)
  leadEntity!: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Acronyms of the other entities that implement it, not the lead. Default none.',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @Length(2, 32, { each: true })
  partnerEntities?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'ISO3 codes of the Member States it benefits, such as "NGA". Default none.',
  })
  @IsOptional()
  @ArrayMaxSize(193)
  @Matches(ISO3_LIKE, { each: true, message: ISO3_MESSAGE })
  beneficiaryStates?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Codes of the thematic areas it works in, such as "CFT". Default none.',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @Length(1, 32, { each: true })
  thematicAreas?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'The programme it belongs to, if any.' })
  @IsOptional()
  @IsUUID()
  programmeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The joint appeal it is part of, if any.' })
  @IsOptional()
  @IsUUID()
  appealId?: string | null;

  @Field(() => DateScalar, { description: 'Start date.' })
  @IsDate()
  startsOn!: Date;

  @Field(() => DateScalar, { nullable: true, description: 'End date, not before the start.' })
  @IsOptional()
  @OnOrAfter('startsOn')
  endsOn?: Date | null;

  @Field(() => DecimalScalar, {
    description: 'Approved budget in US dollars, such as "1250000.00".',
  })
  @Matches(MONEY, { message: BUDGET_MESSAGE })
  budget!: string;
}

@InputType({
  description:
    'Changes to a project; fields left out stay as they are, and a list given replaces the whole set.',
})
export class UpdateProjectInput {
  @Field(() => ID, { description: 'The project to change.' })
  @IsUUID()
  id!: string;

  @Field(() => Int, {
    description: 'The version you read; the change is refused if the project has changed since.',
  })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'Project code; unique.' })
  @Optional()
  @Matches(PROJECT_CODE, { message: CODE_MESSAGE })
  code?: string;

  @Field(() => String, { nullable: true, description: 'Title.' })
  @Optional()
  @Length(3, 300)
  title?: string;

  @Field(() => String, { nullable: true, description: 'What the project does.' })
  @Optional()
  @Length(10, 5000)
  summary?: string;

  @Field(() => ProjectStatus, { nullable: true, description: 'Where the project stands.' })
  @Optional()
  @IsEnum(ProjectStatus)
  status?: ProjectStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Acronym of the entity that leads it. Only an admin may change it.',
  })
  @Optional()
  @Length(2, 32)
  leadEntity?: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Acronyms of the other implementing entities; replaces the set.',
  })
  @Optional()
  @ArrayMaxSize(50)
  @Length(2, 32, { each: true })
  partnerEntities?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'ISO3 codes of the Member States it benefits; replaces the set.',
  })
  @Optional()
  @ArrayMaxSize(193)
  @Matches(ISO3_LIKE, { each: true, message: ISO3_MESSAGE })
  beneficiaryStates?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Codes of the thematic areas it works in; replaces the set.',
  })
  @Optional()
  @ArrayMaxSize(50)
  @Length(1, 32, { each: true })
  thematicAreas?: string[];

  @Field(() => ID, { nullable: true, description: 'Its programme; null takes it out of one.' })
  @IsOptional()
  @IsUUID()
  programmeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Its joint appeal; null takes it out of one.' })
  @IsOptional()
  @IsUUID()
  appealId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Start date.' })
  @Optional()
  @IsDate()
  startsOn?: Date;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'End date, not before the start; null makes it open-ended.',
  })
  @IsOptional()
  @OnOrAfter('startsOn')
  endsOn?: Date | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Approved budget in US dollars.' })
  @Optional()
  @Matches(MONEY, { message: BUDGET_MESSAGE })
  budget?: string;
}
