import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';
import { WORKING_GROUP_CODE } from '../../common/validation/text-rules';
import type { MessageKey } from '../../i18n/catalogs';

@ArgsType()
export class CoverageReportArgs {
  @Field({ nullable: true, description: 'Only this working group; every one when absent' })
  @IsOptional()
  @Matches(WORKING_GROUP_CODE, {
    message: 'workingGroupCode must be a working group code',
    context: { i18n: 'reference.workingGroupCodeFormat' satisfies MessageKey },
  })
  workingGroupCode?: string;
}
