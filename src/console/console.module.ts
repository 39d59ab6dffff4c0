import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AccountsModule } from '../accounts/accounts.module';
import { ConsolePages } from './console-pages';
import { SessionCookie } from './session-cookie';
import { SessionCookieInterceptor } from './session-cookie.interceptor';
import { SessionResolver } from './session.resolver';

/**
 * What the web console needs of the server: its pages and files at `/` (ConsolePages), and
 * a session kept in an HttpOnly cookie instead of page scripts (SessionCookie; the cookie
 * stands for a bearer token through the middleware app-setup.ts installs, and on WebSocket
 * connections through SubscriptionServer).
 */
@Module({
  imports: [AccountsModule],
  providers: [
    ConsolePages,
    SessionCookie,
    SessionResolver,
    { provide: APP_INTERCEPTOR, useClass: SessionCookieInterceptor },
  ],
})
export class ConsoleModule {}
