import {
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Min,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../../../shared/src/scalars';
import { ContributionStatus } from '../../../../shared/src/vocabulary';
import { GivenOnlyIf, OneOf, POSITIVE_MONEY, UuidIfGiven } from './rules';
import { OnOrAfter, Optional } from '../../../../shared/src/validation';

const AMOUNT_MESSAGE = 'amount must be above zero with at most two decimals, such as "250000.00"';

@InputType({ description: 'Money a donor pledged or paid, to a project or to a programme.' })
export class RecordContributionInput {
  @Field(() => ID, { description: 'The donor.' })
  @IsUUID()
  donorId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The project it funds. Give this or programmeId, not both.',
  })
  @OneOf('programmeId')
  @UuidIfGiven()
  projectId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The programme it funds as a whole. Give this or projectId, not both.',
  })
  @IsOptional()
  @IsUUID()
  programmeId?: string | null;

  @Field(() => DecimalScalar, { description: 'How much, such as "250000.00".' })
  @Matches(POSITIVE_MONEY, { message: AMOUNT_MESSAGE })
  amount!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'ISO 4217 code of the currency, such as "USD"; it must be that of what it funds. Default "USD".',
  })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code, such as "USD"' })
  currency?: string | null;

  @Field(() => ContributionStatus, { description: 'Pledged or received.' })
  @IsEnum(ContributionStatus)
  status!: ContributionStatus;

  @Field(() => DateScalar, { description: 'When it was pledged.' })
  @IsDate()
  pledgedOn!: Date;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When it was received: required when status is RECEIVED, not before pledgedOn.',
  })
  @GivenOnlyIf((input) => input.status === ContributionStatus.RECEIVED, 'status is RECEIVED')
  @OnOrAfter('pledgedOn')
  receivedOn?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the donor tied it to a specific use. Default false.',
  })
  @IsOptional()
  @IsBoolean()
  earmarked?: boolean | null;
}

@InputType({ description: 'Changes to a contribution; fields left out stay as they are.' })
export class UpdateContributionInput {
  @Field(() => ID, { description: 'The contribution to change.' })
  @IsUUID()
  id!: string;

  @Field(() => Int, {
    description:
      'The version you read; the change is refused if the contribution has changed since.',
  })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'How much.' })
  @Optional()
  @Matches(POSITIVE_MONEY, { message: AMOUNT_MESSAGE })
  amount?: string;

  @Field(() => ContributionStatus, {
    nullable: true,
    description: 'Pledged or received. Back to PLEDGED clears receivedOn.',
  })
  @Optional()
  @IsEnum(ContributionStatus)
  status?: ContributionStatus;

  @Field(() => DateScalar, { nullable: true, description: 'When it was pledged.' })
  @Optional()
  @IsDate()
  pledgedOn?: Date;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When it was received; required once status is RECEIVED, not before pledgedOn.',
  })
  @IsOptional()
  @OnOrAfter('pledgedOn')
  receivedOn?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the donor tied it to a specific use.',
  })
  @Optional()
  @IsBoolean()
  earmarked?: boolean;
}
