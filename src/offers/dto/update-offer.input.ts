import { InputType, OmitType, PartialType } from '@nestjs/graphql';
import { CreateOfferInput } from './create-offer.input';

/** Every field of CreateOfferInput but organizationId, all optional. */
@InputType()
export class UpdateOfferInput extends PartialType(
  OmitType(CreateOfferInput, ['organizationId'] as const),
) {}
