import { Role } from '../common/auth/role';
import { msg } from '../i18n/catalogs';
import type { Message } from '../i18n/message';
import type { MailContent, MailRecipient } from '../mail/mail-content';
import { PASSWORD_MIN_LENGTH } from './password-length';
import type { User } from './user.entity';

/** Who an account's e-mails go to, in the account's language. */
export function recipientOf(user: Pick<User, 'email' | 'locale' | 'name'>): MailRecipient {
  return { email: user.email, locale: user.locale, name: user.name };
}

/**
 * The invitation to an account: what it is for (the country or organization named in the
 * recipient's language) and the one-time link to choose a password (/invitation?token=).
 */
export function invitationMail(
  user: Pick<User, 'email' | 'role'>,
  token: string,
  boundTo: { country?: string; organization?: string },
): MailContent {
  const invited: Record<Role, Message> = {
    [Role.COUNTRY_FOCAL_POINT]: msg('accounts.invitedAsCountryFocalPoint', {
      country: boundTo.country ?? '',
    }),
    [Role.MEMBER_FOCAL_POINT]: msg('accounts.invitedAsMemberFocalPoint', {
      organization: boundTo.organization ?? '',
    }),
    [Role.SECRETARIAT]: msg('accounts.invitedAsSecretariat'),
    [Role.OBSERVER]: msg('accounts.invitedAsObserver'),
  };
  return {
    kind: 'INVITATION',
    subject: msg('accounts.invitationSubject'),
    paragraphs: [
      invited[user.role],
      msg('accounts.invitationChoosePassword', {
        minLength: PASSWORD_MIN_LENGTH,
        email: user.email,
      }),
      msg('accounts.invitationExpiredHint'),
    ],
    action: {
      label: msg('accounts.invitationAction'),
      path: '/invitation',
      query: { token },
    },
  };
}

/** The one-time link to choose a new password (/reset-password?token=). */
export function passwordResetMail(user: Pick<User, 'email'>, token: string): MailContent {
  return {
    kind: 'PASSWORD_RESET',
    subject: msg('accounts.resetSubject'),
    paragraphs: [
      msg('accounts.resetRequested', { email: user.email }),
      msg('accounts.resetChoosePassword'),
      msg('accounts.resetNotRequested'),
    ],
    action: {
      label: msg('accounts.resetAction'),
      path: '/reset-password',
      query: { token },
    },
  };
}
