import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A problem of one row of an imported file' })
export class ImportProblem {
  @Field(() => Int, { description: 'The row as the spreadsheet numbers it (1: its first line)' })
  row: number;

  @Field(() => String, {
    nullable: true,
    description: 'The column, headed as the file heads it; null for the whole row or file',
  })
  field: string | null;

  @Field({ description: "In the reader's language" })
  message: string;
}
