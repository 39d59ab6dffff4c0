import { needsMessages } from '../needs/needs.messages';
import { offersMessages } from '../offers/offers.messages';
import { referenceMessages } from '../reference/reference.messages';
import { organizationsMessages } from '../organizations/organizations.messages';
import { reportsMessages } from '../reports/reports.messages';
import { auditMessages } from '../audit/audit.messages';
import { twinningsMessages } from '../twinnings/twinnings.messages';
import { activitiesMessages } from '../activities/activities.messages';
import { accountsMessages } from '../accounts/accounts.messages';
import { matchingMessages } from '../matching/matching.messages';
import { eventsMessages } from '../events/events.messages';
import { mailMessages } from '../mail/mail.messages';
import { notificationsMessages } from '../notifications/notifications.messages';
import { commitmentsMessages } from '../commitments/commitments.messages';
import { followUpsMessages } from '../follow-ups/follow-ups.messages';
import { platformEventsMessages } from '../platform-events/platform-events.messages';
import { dialogueMessages } from '../dialogue/dialogue.messages';
import { pledgesMessages } from '../pledges/pledges.messages';
import { troikaMessages } from '../troika/troika.messages';
import { exportsMessages } from '../exports/exports.messages';
import { importsMessages } from '../imports/imports.messages';
import { commonMessages } from './common.messages';
import type { Message, MessageValue } from './message';

/**
 * Every message of the service, by namespace: one table per module, each in English and
 * Spanish. A module adds its table here.
 */
export const CATALOGS = {
  common: commonMessages,
  needs: needsMessages,
  offers: offersMessages,
  reference: referenceMessages,
  organizations: organizationsMessages,
  reports: reportsMessages,
  audit: auditMessages,
  twinnings: twinningsMessages,
  activities: activitiesMessages,
  accounts: accountsMessages,
  matching: matchingMessages,
  mail: mailMessages,
  notifications: notificationsMessages,
  events: eventsMessages,
  commitments: commitmentsMessages,
  followUps: followUpsMessages,
  platformEvents: platformEventsMessages,
  dialogue: dialogueMessages,
  pledges: pledgesMessages,
  troika: troikaMessages,
  exports: exportsMessages,
  imports: importsMessages,
} as const;

type Namespaces = typeof CATALOGS;
type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type BaseKey<K> = K extends `${infer B}_${PluralSuffix}` ? B : K;

/** A key of the catalogs: "namespace.key" (a plural key without its `_one`/`_other`). */
export type MessageKey = {
  [N in keyof Namespaces]: `${N & string}.${BaseKey<keyof Namespaces[N]['en'] & string>}`;
}[keyof Namespaces];

/** A message of the catalogs: `msg('needs.notOpen', { status })`. */
export function msg(
  key: MessageKey,
  params?: Readonly<Record<string, MessageValue>>,
): Message<MessageKey> {
  return params ? { key, params } : { key };
}
