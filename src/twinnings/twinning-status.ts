import { registerEnumType } from '@nestjs/graphql';

export enum TwinningStatus {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  CONFIRMED = 'CONFIRMED',
  COMPLETED = 'COMPLETED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
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
    'then confirms it (CONFIRMED) and completes it (COMPLETED); CANCELLED any time before that',
});
registerEnumType(PartyResponse, { name: 'PartyResponse' });
