import { IsInt, IsUUID, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';

@ArgsType()
export class DeleteArgs {
  @Field(() => ID, { description: 'The record to delete.' })
  @IsUUID()
  id!: string;

  @Field(() => Int, {
    description: 'The version you read; the deletion is refused if the record has changed since.',
  })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}
