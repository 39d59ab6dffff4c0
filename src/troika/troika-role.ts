import { registerEnumType } from '@nestjs/graphql';

/** The three seats of the Support Platform's troika. */
export enum TroikaRole {
  PAST_CHAIR = 'PAST_CHAIR',
  CHAIR = 'CHAIR',
  INCOMING_CHAIR = 'INCOMING_CHAIR',
}

registerEnumType(TroikaRole, {
  name: 'TroikaRole',
  description: 'The chair in office, the one before it (past) and the one after it (incoming)',
});
