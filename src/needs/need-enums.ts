import { registerEnumType } from '@nestjs/graphql';

export enum Priority {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}

export enum NeedStatus {
  OPEN = 'OPEN',
  IN_TWINNING = 'IN_TWINNING',
  FULFILLED = 'FULFILLED',
  WITHDRAWN = 'WITHDRAWN',
  /** Not renewed within its validity: kept, out of matching, renewable. */
  EXPIRED = 'EXPIRED',
}

registerEnumType(Priority, { name: 'Priority' });
registerEnumType(NeedStatus, {
  name: 'NeedStatus',
  description:
    'OPEN until a twinning takes it, FULFILLED when that twinning completes; EXPIRED when an ' +
    'OPEN need is not renewed within its validity (renewNeed opens it again)',
});
