import type { Message } from '../i18n/message';
import type { Locale } from '../i18n/locale';

/** Who an e-mail goes to, and the language it is written in. */
export interface MailRecipient {
  email: string;
  locale: Locale;
  /** How the greeting names the person; none: a greeting without a name. */
  name?: string | null;
}

/** The one thing an e-mail asks the reader to do: a button (and the plain link). */
export interface MailAction {
  label: Message;
  /** A path of the service's public address ("/invitation"), with its query. */
  path: string;
  query?: Record<string, string>;
}

/**
 * An e-mail as data, written in the recipient's language when it is put in the outbox:
 * a subject, paragraphs and at most one action. `kind` names what it is about
 * (INVITATION, PASSWORD_RESET, or a notification kind), for the logs and the mute settings.
 */
export interface MailContent {
  kind: string;
  subject: Message;
  paragraphs: readonly Message[];
  action?: MailAction;
}

/** An e-mail written out: what the outbox stores and the worker sends. */
export interface ComposedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}
