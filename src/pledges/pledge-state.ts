import { ConflictError } from '../common/errors/domain-errors';
import { msg } from '../i18n/catalogs';
import type { Message } from '../i18n/message';
import { PledgeStatus } from './pledge-status';

/** A new pledge starts here. */
export const INITIAL_PLEDGE_STATUS = PledgeStatus.PLEDGED;

/**
 * The pledge lifecycle, in one place: the statuses each status may move to. A status
 * missing from a row cannot be reached from it; an empty row is final.
 */
export const PLEDGE_TRANSITIONS: Readonly<Record<PledgeStatus, readonly PledgeStatus[]>> = {
  [PledgeStatus.PLEDGED]: [PledgeStatus.COMMITTED, PledgeStatus.CANCELLED],
  [PledgeStatus.COMMITTED]: [PledgeStatus.DISBURSED, PledgeStatus.CANCELLED],
  [PledgeStatus.DISBURSED]: [],
  [PledgeStatus.CANCELLED]: [],
};

/** The statuses a pledge in `status` may move to, in the table's order. */
export function nextPledgeStatuses(status: PledgeStatus): readonly PledgeStatus[] {
  return PLEDGE_TRANSITIONS[status];
}

/** What a message calls each status. */
const STATUS_WORDS: Record<PledgeStatus, Message> = {
  [PledgeStatus.PLEDGED]: msg('pledges.statusPledged'),
  [PledgeStatus.COMMITTED]: msg('pledges.statusCommitted'),
  [PledgeStatus.DISBURSED]: msg('pledges.statusDisbursed'),
  [PledgeStatus.CANCELLED]: msg('pledges.statusCancelled'),
};

/** CONFLICT (INVALID_TRANSITION) naming both statuses unless `from` may move to `to`. */
export function assertPledgeMayMove(from: PledgeStatus, to: PledgeStatus): void {
  if (PLEDGE_TRANSITIONS[from].includes(to)) return;
  throw new ConflictError(
    PLEDGE_TRANSITIONS[from].length === 0
      ? msg('pledges.finalStatus', { status: STATUS_WORDS[from] })
      : msg('pledges.invalidTransition', {
          from: STATUS_WORDS[from],
          to: STATUS_WORDS[to],
          allowed: PLEDGE_TRANSITIONS[from].map((status) => STATUS_WORDS[status]),
        }),
    'INVALID_TRANSITION',
  );
}
