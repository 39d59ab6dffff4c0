import { registerEnumType } from '@nestjs/graphql';

export enum ImportStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

registerEnumType(ImportStatus, { name: 'ImportStatus', description: 'Where an import job is' });

/** What an import brings in: the `kind` of an ImportJob. */
export enum ImportKind {
  NEEDS = 'needs',
  OFFERS = 'offers',
}
