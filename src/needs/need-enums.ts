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

/** Who may read a need (see need.policy.ts). */
export enum Visibility {
  PLATFORM = 'PLATFORM',
  RESTRICTED = 'RESTRICTED',
}

registerEnumType(Priority, { name: 'Priority' });
registerEnumType(Visibility, {
  name: 'Visibility',
  description:
    "PLATFORM: every signed-in user reads it. RESTRICTED: only the secretariat, the need's own " +
    "country's focal points and the focal points of the parties of twinnings that include it; " +
    'never suggested to members; counted, not named, in reports',
});
registerEnumType(NeedStatus, {
  name: 'NeedStatus',
  description:
    'OPEN until a twinning takes it, FULFILLED when that twinning completes; EXPIRED when an ' +
    'OPEN need is not renewed within its validity (renewNeed opens it again)',
});
