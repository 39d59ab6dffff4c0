import { registerEnumType } from '@nestjs/graphql';

export enum TwinningStatus {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  CONFIRMED = 'CONFIRMED',
  COMPLETED = 'COMPLETED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
  /** A proposal some party left unanswered for PROPOSAL_EXPIRY_DAYS. */
  EXPIRED = 'EXPIRED',
}

export enum PartyResponse {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}

registerEnumType(TwinningStatus, {
  name: 'TwinningStatus',
  description:
    'PROPOSED until every party accepts (ACCEPTED) or one declines (DECLINED); the secretariat ' +
    'then confirms it (CONFIRMED) and completes it (COMPLETED); CANCELLED any time before that; ' +
    'EXPIRED when a party leaves the proposal unanswered for PROPOSAL_EXPIRY_DAYS',
});
registerEnumType(PartyResponse, { name: 'PartyResponse' });
