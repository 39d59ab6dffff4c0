import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { Repository } from 'typeorm';
import { Role } from '../common/auth/role';
import { ConflictError, InvalidInputError } from '../common/errors/domain-errors';
import { Locale } from '../common/locale';
import { TransactionRunner, writeLock } from '../database/transaction-runner';
import { msg } from '../i18n/catalogs';
import type { Message } from '../i18n/message';
import { MailOutbox } from '../mail/mail-outbox';
import { OrganizationsService } from '../organizations/organizations.service';
import { countryName, ReferenceService } from '../reference/reference.service';
import { invitationMail, passwordResetMail, recipientOf } from './account-mails';
import { AccountToken, AccountTokenPurpose } from './account-token.entity';
import { issueToken, redeemToken, usableToken } from './account-tokens';
import { AccountsService, newAccount } from './accounts.service';
import { AuthPayload } from './dto/auth-payload';
import { InviteUserInput } from './dto/invite-user.input';
import { hasPassword, NO_PASSWORD, PasswordHasher } from './password-hasher';
import { PasswordResetLimits } from './password-reset-limits';
import { User } from './user.entity';

/** What each kind of link needs of its account, and what a link that does not work says. */
const LINKS = {
  [AccountTokenPurpose.INVITATION]: {
    invalid: msg('accounts.invitationLinkInvalid'),
    /** An invitation is accepted once: the account has no password yet. */
    fits: (user: User) => !hasPassword(user),
  },
  [AccountTokenPurpose.PASSWORD_RESET]: {
    invalid: msg('accounts.resetLinkInvalid'),
    fits: (user: User) => hasPassword(user),
  },
} satisfies Record<AccountTokenPurpose, { invalid: Message; fits: (user: User) => boolean }>;

/**
 * The ways a person chooses a password through a one-time link sent by e-mail: an
 * invitation from the secretariat (valid 7 days) and a password reset (valid 1 hour).
 * Each e-mail is put in the outbox in the transaction that issues its link.
 */
@Injectable()
export class AccountLinksService implements OnModuleDestroy {
  private readonly log = new Logger(AccountLinksService.name);
  /** The reset e-mails being looked into after their request was answered. */
  private readonly detached = new Set<Promise<void>>();
  /**
   * The async context of start-up, outside every request: detached work runs in it, so
   * it is not taken for part of the mutation that started it (its audit entry).
   */
  private readonly outsideRequests = AsyncLocalStorage.snapshot();

  constructor(
    @InjectRepository(AccountToken) private readonly tokens: Repository<AccountToken>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly accounts: AccountsService,
    private readonly reference: ReferenceService,
    private readonly organizations: OrganizationsService,
    private readonly transactions: TransactionRunner,
    private readonly outbox: MailOutbox,
    private readonly limits: PasswordResetLimits,
    private readonly passwords: PasswordHasher,
  ) {}

  /**
   * Secretariat: an account without a password, and an e-mail with the link to choose it.
   * Inviting again an account whose invitation is pending sends a new link (the earlier
   * one stops working) and takes the new details; an account with a password is a
   * DUPLICATE.
   */
  async invite(input: InviteUserInput): Promise<User> {
    const email = input.email.trim().toLowerCase();
    await this.accounts.checkBinding(input);
    const locale = input.locale ?? Locale.ES;
    const boundTo = await this.boundToNames(input, locale);
    return this.transactions.run(async (manager) => {
      const existing = await manager.findOne(User, { where: { email }, lock: writeLock(manager) });
      if (existing && hasPassword(existing)) {
        const refusal = existing.active
          ? 'accounts.alreadyHasAccount'
          : 'accounts.disabledAccountExists';
        throw new ConflictError(msg(refusal, { email }), 'DUPLICATE');
      }
      const details = newAccount(manager, { ...input, email, locale }, NO_PASSWORD);
      const user = existing
        ? manager.merge(User, existing, {
            role: details.role,
            name: details.name,
            locale: details.locale,
            countryCode: details.countryCode,
            organizationId: details.organizationId,
            active: true,
          })
        : details;
      const saved = await manager.save(user);
      const token = await issueToken(manager, saved.id, AccountTokenPurpose.INVITATION);
      await this.outbox.enqueue(manager, recipientOf(saved), invitationMail(saved, token, boundTo));
      return saved;
    });
  }

  /** The invited person's password, from the invitation's link: signs them in. */
  acceptInvitation(token: string, password: string): Promise<AuthPayload> {
    return this.choosePassword(AccountTokenPurpose.INVITATION, token, password);
  }

  /**
   * Always `true`, at once: whether the e-mail has an account is never told, not even by
   * how long the answer takes. The answer waits only for the count of requests from the
   * caller's address, the same for every e-mail; the rest (finding the account, the
   * per-e-mail limit, the link and its e-mail) runs after the answer is sent. An unknown
   * e-mail, a disabled account or a pending invitation get no e-mail.
   */
  async requestPasswordReset(email: string, address: string): Promise<true> {
    await this.limits.countRequestFrom(address);
    this.detach(() => this.mailResetLink(email.trim().toLowerCase()));
    return true;
  }

  /**
   * The new password, from a reset link: every session token issued before stops
   * working, and the answer signs the person in.
   */
  resetPassword(token: string, password: string): Promise<AuthPayload> {
    return this.choosePassword(AccountTokenPurpose.PASSWORD_RESET, token, password);
  }

  /** Settles once the reset e-mails asked for so far are in the outbox (or given up). */
  async idle(): Promise<void> {
    while (this.detached.size > 0) await Promise.allSettled([...this.detached]);
  }

  /** Shutting down: the reset e-mails under way are finished first. */
  onModuleDestroy(): Promise<void> {
    return this.idle();
  }

  private async mailResetLink(email: string): Promise<void> {
    const found = await this.users.findOneBy({ email });
    if (!found || !found.active || !hasPassword(found)) return;
    if (!(await this.limits.mayMail(email))) {
      this.log.warn('A password reset e-mail was not sent: PASSWORD_RESETS_PER_EMAIL reached');
      return;
    }
    await this.transactions.run(async (manager) => {
      const user = await manager.findOne(User, { where: { email }, lock: writeLock(manager) });
      // Disabled or removed meanwhile.
      if (!user || !user.active || !hasPassword(user)) return;
      const token = await issueToken(manager, user.id, AccountTokenPurpose.PASSWORD_RESET);
      await this.outbox.enqueue(manager, recipientOf(user), passwordResetMail(user, token));
    });
  }

  private detach(work: () => Promise<void>): void {
    const running: Promise<void> = this.outsideRequests(work)
      .catch((error: unknown) => {
        this.log.error(
          `A password reset e-mail could not be written: ${error instanceof Error ? error.stack : String(error)}`,
        );
      })
      .finally(() => this.detached.delete(running));
    this.detached.add(running);
  }

  /**
   * Sets the password of the account a link of `purpose` is for and uses the link up; a
   * link that does not work is a BAD_USER_INPUT on `token`, and changes nothing.
   */
  private async choosePassword(
    purpose: AccountTokenPurpose,
    token: string,
    password: string,
  ): Promise<AuthPayload> {
    const link = LINKS[purpose];
    const refusal = () => InvalidInputError.of('token', link.invalid);
    // Checked first, so a made-up link costs no password hashing.
    if (!(await usableToken(this.tokens.manager, token, purpose))) throw refusal();
    const passwordHash = await this.passwords.hash(password);
    const user = await this.transactions.run(async (manager) => {
      const redeemed = await redeemToken(manager, token, purpose);
      const account =
        redeemed &&
        (await manager.findOne(User, { where: { id: redeemed.userId }, lock: writeLock(manager) }));
      if (!account || !account.active || !link.fits(account)) throw refusal();
      account.passwordHash = passwordHash;
      account.tokenVersion += 1;
      account.lastSignedInAt = new Date();
      return manager.save(account);
    });
    return this.accounts.signIn(user);
  }

  /** The country or organization an invitation names, in the invitee's language. */
  private async boundToNames(
    input: InviteUserInput,
    locale: Locale,
  ): Promise<{ country?: string; organization?: string }> {
    if (input.role === Role.COUNTRY_FOCAL_POINT && input.countryCode) {
      const [country] = await this.reference.countriesByCodes([input.countryCode]);
      return { country: country ? countryName(country, locale) : input.countryCode };
    }
    if (input.role === Role.MEMBER_FOCAL_POINT && input.organizationId) {
      const organization = await this.organizations.findById(input.organizationId);
      return { organization: organization?.name ?? '' };
    }
    return {};
  }
}
