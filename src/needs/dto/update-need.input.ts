import { InputType, OmitType, PartialType } from '@nestjs/graphql';
import { CreateNeedInput } from './create-need.input';

/** Every field of CreateNeedInput but countryCode, all optional; null clears an optional one. */
@InputType()
export class UpdateNeedInput extends PartialType(
  OmitType(CreateNeedInput, ['countryCode'] as const),
) {}
