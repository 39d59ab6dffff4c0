import { registerEnumType } from '@nestjs/graphql';

export enum OfferStatus {
  OPEN = 'OPEN',
  FULL = 'FULL',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(OfferStatus, {
  name: 'OfferStatus',
  description: 'FULL while live twinnings use all of its capacity',
});
