import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { parsePhoneNumberWithError } from 'libphonenumber-js';
import { LRUCache } from 'lru-cache';
import { randomBytes } from 'node:crypto';
import { EntityManager, In, Not, Repository } from 'typeorm';
import { Role } from '../common/auth/role';
import { Locale } from '../common/locale';
import {
  ConflictError,
  FieldProblems,
  NotFoundError,
  Text,
  UnauthenticatedError,
} from '../common/errors/domain-errors';
import { TransactionRunner, writeLock } from '../database/transaction-runner';
import { msg } from '../i18n/catalogs';
import { OrganizationsService } from '../organizations/organizations.service';
import { ReferenceService } from '../reference/reference.service';
import { AuthPayload } from './dto/auth-payload';
import { CreateUserInput } from './dto/create-user.input';
import { UpdateProfileInput } from './dto/update-profile.input';
import { LoginAttempts } from './login-attempts';
import { asSeenByThemself } from './people.policy';
import { AccountTokenPurpose } from './account-token.entity';
import { revokeTokens } from './account-tokens';
import { hasPassword, NO_PASSWORD, PasswordHasher } from './password-hasher';
import { User } from './user.entity';

export interface TokenPayload {
  sub: string;
  role: Role;
  /** The user's tokenVersion when the token was issued. */
  ver: number;
  /** When it expires, in seconds since the epoch (set by the signer). */
  exp?: number;
}

/**
 * How many tokens with a valid signature that were refused (revoked, or of a disabled or
 * removed account) are remembered. A refused token never becomes good again (every revocation
 * raises the account's token version for good), so repeating it costs no database work.
 */
const REFUSED_TOKENS_KEPT = 10_000;

const REVOKED_TOKEN = msg('accounts.tokenRevoked');

export const DEVELOPMENT_SECRETARIAT_EMAIL = 'secretariat@localhost';

/** 192 random bits, URL-safe: a calendar token cannot be guessed. */
function newCalendarToken(): string {
  return randomBytes(24).toString('base64url');
}

@Injectable()
export class AccountsService {
  private readonly log = new Logger(AccountsService.name);
  /** Compared against when the e-mail is unknown, so both failures take the same time. */
  private decoyHash?: Promise<string>;
  private readonly refusedTokens = new LRUCache<string, true>({ max: REFUSED_TOKENS_KEPT });

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly jwt: JwtService,
    private readonly reference: ReferenceService,
    private readonly organizations: OrganizationsService,
    private readonly transactions: TransactionRunner,
    private readonly loginAttempts: LoginAttempts,
    private readonly passwords: PasswordHasher,
  ) {}

  /**
   * One answer for an unknown e-mail, a wrong password and a disabled account. `address`
   * is the client's, for the failed-login limit.
   */
  async login(email: string, password: string, address: string): Promise<AuthPayload> {
    await this.loginAttempts.refuseIfLocked(email, address);
    const user = await this.users.findOneBy({ email: email.trim().toLowerCase() });
    this.decoyHash ??= this.passwords.hash(randomBytes(16).toString('hex'));
    // An invited account without a password yet is checked against the decoy as well: no
    // password opens it, and its answer takes as long as any other.
    const matches = await this.passwords.verify(
      password,
      user && hasPassword(user) ? user.passwordHash : await this.decoyHash,
    );
    if (!user || !matches || !user.active || !(await this.organizationActive(user))) {
      await this.loginAttempts.recordFailure(email, address);
      throw new UnauthenticatedError(msg('accounts.wrongCredentials'));
    }
    user.lastSignedInAt = new Date();
    await this.users.update(user.id, { lastSignedInAt: user.lastSignedInAt });
    return this.signIn(user);
  }

  /**
   * The user an `Authorization` value ("Bearer <jwt>") speaks for, by the rules of every
   * request: a token signed with our key (HS256 only) and not expired, of an active account
   * at its current token version. HTTP requests (the header) and WebSocket connections
   * (`connectionParams.authorization`) alike; UNAUTHENTICATED otherwise.
   */
  async userOfAuthorization(authorization: unknown, missing?: Text): Promise<User> {
    const { token, payload } = await this.verifiedToken(authorization, missing);
    try {
      return await this.userOfToken(payload);
    } catch (error) {
      if (error instanceof UnauthenticatedError) {
        // Until the token would have expired anyway (`exp` is in seconds).
        const ttl = payload.exp ? payload.exp * 1000 - Date.now() : undefined;
        if (ttl === undefined || ttl > 0) this.refusedTokens.set(token, true, { ttl });
      }
      throw error;
    }
  }

  /**
   * The payload of a bearer token signed with our key (HS256 only), not expired and not
   * refused before, read without the database: what the rate limits count a caller by.
   * UNAUTHENTICATED otherwise.
   */
  async verifiedToken(
    authorization: unknown,
    missing?: Text,
  ): Promise<{ token: string; payload: TokenPayload }> {
    const [scheme, token] = typeof authorization === 'string' ? authorization.split(' ') : [];
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new UnauthenticatedError(missing);
    // Refused before: whatever the reason then (a disabled account, a changed password),
    // the token is revoked for good.
    if (this.refusedTokens.has(token)) throw new UnauthenticatedError(REVOKED_TOKEN);
    try {
      return { token, payload: await this.jwt.verifyAsync<TokenPayload>(token) };
    } catch {
      throw new UnauthenticatedError(msg('accounts.tokenInvalid'));
    }
  }

  /**
   * The user a verified token speaks for: the account must still exist and be active (and
   * its organization, if any), and the token must be of its current version (changing the password or disabling the
   * account revokes every token issued before).
   */
  async userOfToken(payload: TokenPayload): Promise<User> {
    const user = await this.users.findOneBy({ id: payload.sub, active: true });
    if (!user || !(await this.organizationActive(user))) {
      throw new UnauthenticatedError(msg('accounts.accountGone'));
    }
    if (payload.ver !== user.tokenVersion) {
      throw new UnauthenticatedError(REVOKED_TOKEN);
    }
    return user;
  }

  /**
   * The signed-in user's new password. The current one must be given (a wrong one counts
   * as a failed login of the account); every token issued before stops working, and the
   * answer carries a fresh one so the caller stays signed in.
   */
  async changePassword(
    user: User,
    currentPassword: string,
    newPassword: string,
    address: string,
  ): Promise<AuthPayload> {
    await this.loginAttempts.refuseIfLocked(user.email, address);
    const problems = new FieldProblems();
    if (!(await this.passwords.verify(currentPassword, user.passwordHash))) {
      await this.loginAttempts.recordFailure(user.email, address);
      problems.add(
        'currentPassword',
        msg('accounts.notYourPassword', { property: 'currentPassword' }),
      );
    }
    if (newPassword === currentPassword) {
      problems.add('newPassword', msg('accounts.samePassword', { property: 'newPassword' }));
    }
    problems.throwIfAny();

    const passwordHash = await this.passwords.hash(newPassword);
    const changed = await this.transactions.run(async (manager) => {
      const stored = await this.lockUser(manager, user.id);
      if (stored.passwordHash !== user.passwordHash) {
        throw new ConflictError(msg('accounts.passwordChanged'), 'CONCURRENT_CHANGE');
      }
      stored.passwordHash = passwordHash;
      stored.tokenVersion += 1;
      // A reset link asked for before no longer applies to this password.
      await revokeTokens(manager, stored.id, [AccountTokenPurpose.PASSWORD_RESET]);
      return manager.save(stored);
    });
    return this.signIn(changed);
  }

  /**
   * Secretariat: enables or disables an account. A change revokes every token of the
   * user (disabling also stops its calendar feed); setting the state it already has
   * changes nothing. The last active secretariat account cannot be disabled.
   */
  setUserActive(userId: string, active: boolean): Promise<User> {
    return this.transactions.run(async (manager) => {
      const lock = writeLock(manager);
      if (!active && lock) {
        // Where transactions run side by side, two requests disabling two secretariat
        // accounts could each see the other still active: both lock every active
        // secretariat account first, in id order, so they take turns.
        await manager.find(User, {
          where: { role: Role.SECRETARIAT, active: true },
          order: { id: 'ASC' },
          lock,
        });
      }
      const user = await this.lockUser(manager, userId);
      if (user.active === active) return user;
      if (!active && user.role === Role.SECRETARIAT) {
        // An invited account that has no password yet cannot stand in: it cannot sign in.
        const others = await manager.countBy(User, {
          role: Role.SECRETARIAT,
          active: true,
          passwordHash: Not(NO_PASSWORD),
          id: Not(user.id),
        });
        if (others === 0) {
          throw new ConflictError(
            msg('accounts.lastSecretariat', { email: user.email }),
            'LAST_SECRETARIAT',
          );
        }
      }
      user.active = active;
      user.tokenVersion += 1;
      return manager.save(user);
    });
  }

  /** The active user a calendar feed URL belongs to; a disabled account's feed stops. */
  findByCalendarToken(calendarToken: string): Promise<User | null> {
    return this.users.findOneBy({ calendarToken, active: true });
  }

  /** The user's calendar token, made on first use and kept until reset. */
  async calendarTokenOf(userId: string): Promise<string> {
    const stored = await this.users.findOne({
      where: { id: userId },
      select: { calendarToken: true },
    });
    if (stored?.calendarToken) return stored.calendarToken;
    return this.transactions.run(async (manager) => {
      const user = await this.lockUser(manager, userId);
      // Another request may have made it meanwhile: keep that one.
      if (user.calendarToken) return user.calendarToken;
      user.calendarToken = newCalendarToken();
      await manager.save(user);
      return user.calendarToken;
    });
  }

  /** Replaces the user's calendar token: the old feed URL stops working at once. */
  resetCalendarToken(userId: string): Promise<string> {
    return this.transactions.run(async (manager) => {
      const user = await this.lockUser(manager, userId);
      user.calendarToken = newCalendarToken();
      await manager.save(user);
      return user.calendarToken;
    });
  }

  byIds(ids: readonly string[]): Promise<User[]> {
    return this.users.findBy({ id: In([...ids]) });
  }

  list(): Promise<User[]> {
    return this.users.find({ order: { email: 'ASC' } });
  }

  async createUser(input: CreateUserInput): Promise<User> {
    const email = input.email.trim().toLowerCase();
    await this.checkBinding(input);
    const passwordHash = await this.passwords.hash(input.password);
    return this.transactions.run(async (manager) => {
      if (await manager.existsBy(User, { email })) {
        throw new ConflictError(msg('accounts.duplicateEmail', { email }), 'DUPLICATE');
      }
      return manager.save(newAccount(manager, { ...input, email }, passwordHash));
    });
  }

  /**
   * What the signed-in person says of themself: each field given replaces the stored one
   * (`null` clears it), the others stay; the phone is kept in E.164.
   */
  async updateProfile(user: User, input: UpdateProfileInput): Promise<User> {
    return this.transactions.run(async (manager) => {
      const stored = await this.lockUser(manager, user.id);
      const text = (value: string | null | undefined, current: string | null) =>
        value === undefined ? current : (value?.trim() ?? null);
      stored.name = text(input.name, stored.name);
      stored.jobTitle = text(input.jobTitle, stored.jobTitle);
      if (input.phone !== undefined) {
        stored.phone = input.phone === null ? null : parsePhoneNumberWithError(input.phone).number;
      }
      if (input.locale) stored.locale = input.locale;
      return manager.save(stored);
    });
  }

  /** A member focal point's organization must be active for it to sign in (or stay in). */
  private async organizationActive(user: User): Promise<boolean> {
    if (!user.organizationId) return true;
    return (await this.organizations.findById(user.organizationId))?.active === true;
  }

  /** A session token for `user` (as of its current token version), and the user. */
  async signIn(user: User): Promise<AuthPayload> {
    const payload: TokenPayload = { sub: user.id, role: user.role, ver: user.tokenVersion };
    return { token: await this.jwt.signAsync(payload), user: asSeenByThemself(user) };
  }

  private async lockUser(manager: EntityManager, id: string): Promise<User> {
    const user = await manager.findOne(User, { where: { id }, lock: writeLock(manager) });
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  /**
   * A country focal point is bound to one MIRPS state, a member focal point to one
   * organization; the secretariat and observers to nothing.
   */
  async checkBinding(input: AccountBinding): Promise<void> {
    const problems = new FieldProblems();
    const needsCountry = input.role === Role.COUNTRY_FOCAL_POINT;
    const needsOrganization = input.role === Role.MEMBER_FOCAL_POINT;

    if (needsCountry && !input.countryCode) {
      problems.add('countryCode', msg('accounts.countryRequired'));
    }
    if (!needsCountry && input.countryCode) {
      problems.add('countryCode', msg('accounts.notBoundToCountry', { role: input.role }));
    }
    if (needsOrganization && !input.organizationId) {
      problems.add('organizationId', msg('accounts.organizationRequired'));
    }
    if (!needsOrganization && input.organizationId) {
      problems.add('organizationId', msg('accounts.notBoundToOrganization', { role: input.role }));
    }
    if (needsCountry && input.countryCode) {
      await this.reference.checkCountryCodes(problems, 'countryCode', [input.countryCode], {
        mirpsOnly: true,
      });
    }
    if (needsOrganization && input.organizationId) {
      await this.organizations.checkExists(problems, 'organizationId', input.organizationId, {
        active: true,
      });
    }
    problems.throwIfAny();
  }

  /**
   * At start-up. With SECRETARIAT_EMAIL and SECRETARIAT_PASSWORD set: the account of that
   * e-mail is created as a secretariat account when it does not exist (whether or not
   * other secretariat accounts do); when it exists, its password is never overwritten (it
   * may have been changed since), and one line says so. Without them, when no secretariat
   * account exists (outside production, where they are required): secretariat@localhost,
   * with a random password that is printed once.
   */
  async bootstrapSecretariat(email?: string, password?: string): Promise<void> {
    if (email && password) return this.bootstrapConfiguredSecretariat(email, password);
    if (await this.users.existsBy({ role: Role.SECRETARIAT })) return;
    const account = {
      email: DEVELOPMENT_SECRETARIAT_EMAIL,
      password: randomBytes(18).toString('base64url'),
    };
    try {
      await this.createUser({ ...account, role: Role.SECRETARIAT });
    } catch (error) {
      // Another instance starting on the same database created it meanwhile.
      if (error instanceof ConflictError && (await this.users.existsBy({ role: Role.SECRETARIAT })))
        return;
      throw error;
    }
    this.log.warn(
      `Created the secretariat account ${account.email} with the password ${account.password} ` +
        '(shown once; set SECRETARIAT_EMAIL and SECRETARIAT_PASSWORD to choose your own)',
    );
  }

  private async bootstrapConfiguredSecretariat(email: string, password: string): Promise<void> {
    const address = email.trim().toLowerCase();
    const existing = await this.users.findOneBy({ email: address });
    if (existing) {
      this.logExistingSecretariat(existing);
      return;
    }
    try {
      await this.createUser({ email: address, password, role: Role.SECRETARIAT });
    } catch (error) {
      const created = await this.users.findOneBy({ email: address });
      // Another instance starting on the same database created it meanwhile.
      if (error instanceof ConflictError && created) return this.logExistingSecretariat(created);
      throw error;
    }
    this.log.log(
      `Created the secretariat account ${address} from SECRETARIAT_EMAIL and SECRETARIAT_PASSWORD`,
    );
  }

  /** The one line said at each start when SECRETARIAT_EMAIL's account exists already. */
  private logExistingSecretariat(user: User): void {
    const notes = [
      ...(user.role === Role.SECRETARIAT
        ? []
        : [`it is a ${user.role} account, not a secretariat one`]),
      ...(user.active ? [] : ['it is disabled (reset-password enables it)']),
      ...(hasPassword(user) ? [] : ['its invitation has not been accepted yet']),
    ];
    const line =
      `SECRETARIAT_EMAIL ${user.email} has an account already: its password is left as it is ` +
      '(SECRETARIAT_PASSWORD only sets the password of the account when it creates it)' +
      (notes.length > 0 ? `; ${notes.join('; ')}` : '') +
      `. To give it a new password: npm run admin -- reset-password ${user.email}`;
    if (notes.length > 0) this.log.warn(line);
    else this.log.log(line);
  }
}

/** What binds an account: its role, and the country or organization the role needs. */
export type AccountBinding = Pick<CreateUserInput, 'role' | 'countryCode' | 'organizationId'>;

/**
 * A new, active account, unsaved: `passwordHash` is NO_PASSWORD for an invitation.
 * The e-mail as given (callers lower-case it).
 */
export function newAccount(
  manager: EntityManager,
  input: AccountBinding & { email: string; name?: string | null; locale?: Locale },
  passwordHash: string,
): User {
  return manager.create(User, {
    email: input.email,
    passwordHash,
    role: input.role,
    name: input.name?.trim() ?? null,
    jobTitle: null,
    phone: null,
    locale: input.locale ?? Locale.ES,
    lastSignedInAt: null,
    countryCode: input.countryCode ?? null,
    organizationId: input.organizationId ?? null,
    active: true,
    calendarToken: null,
    tokenVersion: 0,
    createdAt: new Date(),
  });
}
