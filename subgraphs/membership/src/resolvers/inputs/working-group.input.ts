import { IsEnum, IsInt, IsOptional, IsUUID, Length, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../../../shared/src/scalars';
import { Optional } from '../../../../shared/src/validation';
import { WorkingGroupRole } from '../../../../shared/src/vocabulary';

@InputType({ description: 'A new working group.' })
export class CreateWorkingGroupInput {
  @Field({ description: 'Full name.' })
  @Length(3, 300)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Short name, such as "RMME".' })
  @IsOptional()
  @Length(1, 32)
  shortName?: string | null;

  @Field({ description: 'What the group works on.' })
  @Length(10, 5000)
  mandate!: string;
}

@InputType({ description: 'Changes to a working group; fields left out stay as they are.' })
export class UpdateWorkingGroupInput {
  @Field(() => ID, { description: 'The working group to change.' })
  @IsUUID()
  id!: string;

  @Field(() => Int, {
    description: 'The version you read; the change is refused if the group has changed since.',
  })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'Full name.' })
  @Optional()
  @Length(3, 300)
  name?: string;

  @Field(() => String, { nullable: true, description: 'Short name; null clears it.' })
  @IsOptional()
  @Length(1, 32)
  shortName?: string | null;

  @Field(() => String, { nullable: true, description: 'What the group works on.' })
  @Optional()
  @Length(10, 5000)
  mandate?: string;
}

@InputType({ description: "An entity's place in a working group." })
export class WorkingGroupMemberInput {
  @Field(() => ID, { description: 'The working group.' })
  @IsUUID()
  workingGroupId!: string;

  @Field(() => ID, { description: 'The entity.' })
  @IsUUID()
  entityId!: string;

  @Field(() => WorkingGroupRole, { description: 'Chair, vice-chair or member.' })
  @IsEnum(WorkingGroupRole)
  role!: WorkingGroupRole;

  @Field(() => DateScalar, { nullable: true, description: 'Since when.' })
  @IsOptional()
  since?: Date | null;
}

@InputType({ description: "Changes to an entity's place in a working group." })
export class UpdateWorkingGroupMemberInput {
  @Field(() => ID, { description: 'The working group.' })
  @IsUUID()
  workingGroupId!: string;

  @Field(() => ID, { description: 'The entity.' })
  @IsUUID()
  entityId!: string;

  @Field(() => Int, {
    description: 'The version you read; the change is refused if it has changed since.',
  })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => WorkingGroupRole, { nullable: true, description: 'Chair, vice-chair or member.' })
  @Optional()
  @IsEnum(WorkingGroupRole)
  role?: WorkingGroupRole;

  @Field(() => DateScalar, { nullable: true, description: 'Since when; null clears it.' })
  @IsOptional()
  since?: Date | null;
}
