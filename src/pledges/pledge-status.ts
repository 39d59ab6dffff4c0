import { registerEnumType } from '@nestjs/graphql';

export enum PledgeStatus {
  PLEDGED = 'PLEDGED',
  COMMITTED = 'COMMITTED',
  DISBURSED = 'DISBURSED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(PledgeStatus, {
  name: 'PledgeStatus',
  description:
    'PLEDGED (announced), then COMMITTED (agreed), then DISBURSED (paid); any but DISBURSED ' +
    'may become CANCELLED; DISBURSED and CANCELLED are final',
});
