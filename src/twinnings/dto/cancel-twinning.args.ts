import { ArgsType, Field } from '@nestjs/graphql';
import { IdArgs } from '../../common/dto/id.args';
import { IsText } from '../../common/validation/text-rules';

@ArgsType()
export class CancelTwinningArgs extends IdArgs {
  @Field({ description: 'Why; kept in the history' })
  @IsText(1, 1000)
  reason: string;
}
