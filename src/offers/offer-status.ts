import { registerEnumType } from '@nestjs/graphql';

export enum OfferStatus {
  OPEN = 'OPEN',
  FULL = 'FULL',
  WITHDRAWN = 'WITHDRAWN',
  /** Not renewed within its validity: kept, out of matching, renewable. */
  EXPIRED = 'EXPIRED',
}

registerEnumType(OfferStatus, {
  name: 'OfferStatus',
  description:
    'FULL while live twinnings use all of its capacity; EXPIRED when not renewed within its ' +
    'validity (renewOffer opens it again)',
});
