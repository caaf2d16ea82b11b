import {
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Min,
  IsInt,
  IsUUID,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../../../shared/src/scalars';
import { Optional } from '../../../../shared/src/validation';
import { EntityKind } from '../../../../shared/src/vocabulary';

const ACRONYM = /^[A-Za-z0-9][A-Za-z0-9 .&/-]*$/;

@InputType({ description: 'A new Compact entity.' })
export class CreateEntityInput {
  @Field({
    description: 'Short name used across the UN system, such as "UNODC"; it cannot change later.',
  })
  @Length(2, 32)
  @Matches(ACRONYM, { message: 'acronym may hold letters, digits, spaces and . & / -' })
  acronym!: string;

  @Field({ description: 'Full name.' })
  @Length(3, 300)
  name!: string;

  @Field(() => EntityKind, { description: 'Where it sits in the UN system.' })
  @IsEnum(EntityKind)
  kind!: EntityKind;

  @Field(() => DateScalar, { nullable: true, description: 'When it joined the Compact.' })
  @IsOptional()
  joinedOn?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'When its head signed the Compact.' })
  @IsOptional()
  signedCompactOn?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether it takes part as an observer. Default false.',
  })
  @IsOptional()
  @IsBoolean()
  isObserver?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Its public website.' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  website?: string | null;
}

@InputType({ description: 'Changes to a Compact entity; fields left out stay as they are.' })
export class UpdateEntityInput {
  @Field(() => ID, { description: 'The entity to change.' })
  @IsUUID()
  id!: string;

  @Field(() => Int, {
    description: 'The version you read; the change is refused if the entity has changed since.',
  })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'Full name.' })
  @Optional()
  @Length(3, 300)
  name?: string;

  @Field(() => EntityKind, { nullable: true, description: 'Where it sits in the UN system.' })
  @Optional()
  @IsEnum(EntityKind)
  kind?: EntityKind;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When it joined the Compact; null clears it.',
  })
  @IsOptional()
  joinedOn?: Date | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When its head signed the Compact; null clears it.',
  })
  @IsOptional()
  signedCompactOn?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether it takes part as an observer.' })
  @Optional()
  @IsBoolean()
  isObserver?: boolean;

  @Field(() => String, { nullable: true, description: 'Its public website; null clears it.' })
  @IsOptional()
  @IsString()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  website?: string | null;
}
