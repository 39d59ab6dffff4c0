import { ArgsType, Field } from '@nestjs/graphql';
import { Matches } from 'class-validator';
import { WORKING_GROUP_CODE } from '../../common/validation/text-rules';
import type { MessageKey } from '../../i18n/catalogs';

/** One working group, named by its code (a subscription to what is posted in it). */
@ArgsType()
export class WorkingGroupCodeArgs {
  @Field({ description: 'A working group code, e.g. ASYLUM_SYSTEMS' })
  @Matches(WORKING_GROUP_CODE, {
    message: 'workingGroupCode must be a working group code',
    context: { i18n: 'reference.workingGroupCodeFormat' satisfies MessageKey },
  })
  workingGroupCode: string;
}
