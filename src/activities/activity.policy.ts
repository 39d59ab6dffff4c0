import type { User } from '../accounts/user.entity';
import type { Message } from '../i18n/message';
import { assertIsSecretariatOrParty, Side } from '../twinnings/twinning.policy';

/**
 * A twinning's activities are recorded, completed and cancelled by the secretariat or by a
 * party to the twinning: a focal point of one of its countries or of its organization.
 */
export function assertMayFollowUp(user: User, parties: readonly Side[], what: Message): void {
  assertIsSecretariatOrParty(user, parties, what);
}
