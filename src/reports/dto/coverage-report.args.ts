import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';
import { WORKING_GROUP_CODE } from '../../common/validation/text-rules';

@ArgsType()
export class CoverageReportArgs {
  @Field({ nullable: true, description: 'Only this working group; every one when absent' })
  @IsOptional()
  @Matches(WORKING_GROUP_CODE, { message: 'workingGroupCode must be a working group code' })
  workingGroupCode?: string;
}
