import { ArgsType, Field } from '@nestjs/graphql';
import { IdArgs } from '../../common/dto/id.args';
import { IsText } from '../../common/validation/text-rules';

@ArgsType()
export class CancelActivityArgs extends IdArgs {
  @Field({ description: 'Why; shown in the calendar' })
  @IsText(1, 1000)
  reason: string;
}
