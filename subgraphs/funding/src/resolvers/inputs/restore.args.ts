import { IsUUID } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class RestoreArgs {
  @Field(() => ID, { description: 'The deleted record to restore.' })
  @IsUUID()
  id!: string;
}
