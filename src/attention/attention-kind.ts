import { registerEnumType } from '@nestjs/graphql';

export enum AttentionKind {
  NEED_UNMATCHED = 'NEED_UNMATCHED',
  PROPOSAL_UNANSWERED = 'PROPOSAL_UNANSWERED',
  TWINNING_WITHOUT_ACTIVITY = 'TWINNING_WITHOUT_ACTIVITY',
  FOLLOW_UP_OVERDUE = 'FOLLOW_UP_OVERDUE',
  POSTING_EXPIRING = 'POSTING_EXPIRING',
}

export enum AttentionLevel {
  AMBER = 'AMBER',
  RED = 'RED',
}

registerEnumType(AttentionKind, {
  name: 'AttentionKind',
  description:
    'NEED_UNMATCHED: an open need nobody has proposed for; PROPOSAL_UNANSWERED: a proposal ' +
    'with a party still to answer; TWINNING_WITHOUT_ACTIVITY: confirmed, no activity since; ' +
    'FOLLOW_UP_OVERDUE: a follow-up past due with an answer missing; POSTING_EXPIRING: a ' +
    'need or offer close to its expiry',
});
registerEnumType(AttentionLevel, {
  name: 'AttentionLevel',
  description: 'AMBER: worth a look; RED: late (thresholds in the ATTENTION_* settings)',
});
