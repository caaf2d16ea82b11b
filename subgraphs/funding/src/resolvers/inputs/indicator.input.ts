import { IsDate, IsInt, IsOptional, IsUUID, Length, Matches, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../../../shared/src/scalars';
import { Optional } from '../../../../shared/src/validation';
import { MEASURE } from './rules';

const measure = (field: string) => ({
  message: `${field} must be a number with at most 14 digits before the point and 4 after, such as "42" or "-3.5"`,
});

@InputType({ description: 'A new indicator of a project.' })
export class AddIndicatorInput {
  @Field(() => ID, { description: 'The project it measures.' })
  @IsUUID()
  projectId!: string;

  @Field({
    description: 'What is measured, such as "Border officers trained"; unique within the project.',
  })
  @Length(2, 300)
  name!: string;

  @Field({ description: 'The unit of its values, such as "officers" or "%".' })
  @Length(1, 64)
  unit!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'The value before the project.' })
  @IsOptional()
  @Matches(MEASURE, measure('baseline'))
  baseline?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'The value the project aims for.' })
  @IsOptional()
  @Matches(MEASURE, measure('target'))
  target?: string | null;
}

@InputType({ description: 'Changes to an indicator; fields left out stay as they are.' })
export class UpdateIndicatorInput {
  @Field(() => ID, { description: 'The indicator to change.' })
  @IsUUID()
  id!: string;

  @Field(() => Int, {
    description: 'The version you read; the change is refused if the indicator has changed since.',
  })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'What is measured.' })
  @Optional()
  @Length(2, 300)
  name?: string;

  @Field(() => String, { nullable: true, description: 'The unit of its values.' })
  @Optional()
  @Length(1, 64)
  unit?: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'The baseline; null clears it.' })
  @IsOptional()
  @Matches(MEASURE, measure('baseline'))
  baseline?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'The target; null clears it.' })
  @IsOptional()
  @Matches(MEASURE, measure('target'))
  target?: string | null;
}

@InputType({ description: 'A value of an indicator, as measured on a date.' })
export class RecordMeasurementInput {
  @Field(() => ID, { description: 'The indicator.' })
  @IsUUID()
  indicatorId!: string;

  @Field(() => DecimalScalar, { description: 'The value, in the unit of the indicator.' })
  @Matches(MEASURE, measure('value'))
  value!: string;

  @Field(() => DateScalar, { description: 'When it was measured.' })
  @IsDate()
  measuredOn!: Date;
}
