import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Environment } from '../config/environment';
import { DatabaseModule } from '../database/database.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ReferenceModule } from '../reference/reference.module';
import { AccessGuard } from './access.guard';
import { AccountLinksResolver } from './account-links.resolver';
import { AccountLinksService } from './account-links.service';
import { AccountToken } from './account-token.entity';
import { AccountsResolver } from './accounts.resolver';
import { AccountsService } from './accounts.service';
import { AuthenticationFailures } from './authentication-failures';
import { LoginAttempts } from './login-attempts';
import { PasswordHasher } from './password-hasher';
import { PasswordResetLimits } from './password-reset-limits';
import { SecretariatBootstrap } from './secretariat-bootstrap';
import { User } from './user.entity';

/** "8h" as it is; a bare number means seconds (jsonwebtoken would read a digit string as ms). */
function tokenLifetime(setting: string): number | `${number}${'s' | 'm' | 'h' | 'd'}` {
  const compact = setting.replace(/\s+/g, '');
  return /^\d+$/.test(compact) ? Number(compact) : (compact as `${number}h`);
}

@Module({
  imports: [
    TypeOrmModule.forFeature([User, AccountToken]),
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => ({
        // A KeyObject, not the string: given a string, jsonwebtoken first tries (and fails)
        // to read it as a PEM public key on every verification.
        secret: createSecretKey(config.get('JWT_SECRET', { infer: true }), 'utf8'),
        signOptions: {
          algorithm: 'HS256',
          expiresIn: tokenLifetime(config.get('JWT_EXPIRES_IN', { infer: true })),
        },
        // Pinned: a token signed any other way (or with alg "none") is refused.
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    DatabaseModule,
    ReferenceModule,
    OrganizationsModule,
  ],
  providers: [
    AccountsService,
    LoginAttempts,
    AuthenticationFailures,
    AccountsResolver,
    AccountLinksService,
    AccountLinksResolver,
    PasswordResetLimits,
    PasswordHasher,
    SecretariatBootstrap,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AccountsService],
})
export class AccountsModule {}
