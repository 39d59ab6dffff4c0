import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AccountsModule } from './accounts/accounts.module';
import { ActivitiesModule } from './activities/activities.module';
import { AuditModule } from './audit/audit.module';
import { CommitmentsModule } from './commitments/commitments.module';
import { DialogueModule } from './dialogue/dialogue.module';
import { ConsoleModule } from './console/console.module';
import { formatError } from './common/errors/format-error';
import { DateTimeScalar } from './common/scalars/date-time.scalar';
import { unexpectedFaultsPlugin } from './common/errors/unexpected-faults.plugin';
import { withoutCacheControl } from './common/security/cache-control';
import { GraphQLErrorFilter } from './common/errors/graphql-error.filter';
import { GraphQLContext } from './common/graphql-context';
import { RequestLoaders } from './common/loaders/request-loaders';
import { queryLimits } from './common/security/query-limits';
import { SecurityModule } from './common/security/security.module';
import { ControlCharactersPipe } from './common/validation/control-characters.pipe';
import { validationExceptionFactory } from './common/validation/validation-exception.factory';
import { AppConfigModule } from './config/app-config.module';
import { Environment } from './config/environment';
import { loggerOptions } from './config/logger-options';
import { openDataSource } from './database/data-source-factory';
import { dataSourceOptions } from './database/data-source-options';
import { QueryCounterLogger } from './database/query-counter.logger';
import { EventsModule } from './events/events.module';
import { ExpiryModule } from './expiry/expiry.module';
import { ExportsModule } from './exports/exports.module';
import { FollowUpsModule } from './follow-ups/follow-ups.module';
import { SubscriptionContextInput, SubscriptionServer } from './events/subscription-server';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { translateErrorsPlugin } from './i18n/translate-errors';
import { MailModule } from './mail/mail.module';
import { AttentionModule } from './attention/attention.module';
import { ClockModule } from './common/clock/clock.module';
import { MatchingModule } from './matching/matching.module';
import { MetricsModule } from './metrics/metrics.module';
import { NeedsModule } from './needs/needs.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OffersModule } from './offers/offers.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { PlatformEventsModule } from './platform-events/platform-events.module';
import { PledgesModule } from './pledges/pledges.module';
import { TroikaModule } from './troika/troika.module';
import { RedisModule } from './redis/redis.module';
import { ReferenceModule } from './reference/reference.module';
import { ReportsModule } from './reports/reports.module';
import { SchedulingModule } from './scheduling/scheduling.module';
import { TwinningsModule } from './twinnings/twinnings.module';

@Module({})
export class AppModule {
  /** `overrides` replace environment settings (tests); the service itself passes none. */
  static forRoot(overrides: Record<string, string> = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(overrides),
        LoggerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<Environment, true>) =>
            loggerOptions(config.get('LOG_LEVEL', { infer: true })),
        }),
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<Environment, true>) => ({
            ...dataSourceOptions(config.get('DATABASE_URL', { infer: true })),
            migrationsRun: true,
            logger: new QueryCounterLogger(['error', 'warn', 'migration']),
          }),
          dataSourceFactory: (options) => openDataSource(options!),
        }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [EventsModule],
          inject: [ConfigService, SubscriptionServer],
          useFactory: (
            config: ConfigService<Environment, true>,
            subscriptions: SubscriptionServer,
          ) => {
            const limits = queryLimits(config);
            return {
              autoSchemaFile: config.get('SCHEMA_FILE', { infer: true }) || true,
              sortSchema: true,
              // Dates typed implicitly (a `Date` property) get the strict scalar too.
              buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
              path: '/graphql',
              // No landing page anywhere; the schema is readable only outside production.
              playground: false,
              introspection: config.get('NODE_ENV', { infer: true }) !== 'production',
              // Apollo's default, stated: a request a browser could send cross-site unasked
              // (GET, or a "simple" content type) needs a preflight-forcing header.
              csrfPrevention: true,
              includeStacktraceInErrorResponses: false,
              ...limits,
              plugins: [
                ...limits.plugins,
                subscriptions.refusedOverHttp(),
                unexpectedFaultsPlugin(),
                withoutCacheControl(),
                translateErrorsPlugin(),
              ],
              // Subscriptions over WebSocket on the same path (graphql-ws), with the same
              // limits, guards and error formatting as operations over HTTP.
              subscriptions: { 'graphql-ws': subscriptions.options(limits) },
              // Field resolvers run as plain functions, without a Nest wrapper per field
              // (their faults: UnexpectedFaultsPlugin and formatError).
              fieldResolverEnhancers: [],
              context: (
                input: Pick<GraphQLContext, 'req' | 'res'> | SubscriptionContextInput,
                operationId?: string,
              ): GraphQLContext =>
                SubscriptionServer.isSubscriptionContext(input)
                  ? subscriptions.contextOf(input, operationId!)
                  : { req: input.req, res: input.res, loaders: new RequestLoaders() },
              formatError,
            };
          },
        }),
        // Time-driven work (@Cron): each job says how it stays safe with several instances.
        ScheduleModule.forRoot(),
        ClockModule,
        SchedulingModule,
        RedisModule,
        EventsModule,
        MailModule,
        ReferenceModule,
        OrganizationsModule,
        // Before AccountsModule: the rate limits count a request before the access guard
        // looks anything up.
        SecurityModule,
        AccountsModule,
        CommitmentsModule,
        NeedsModule,
        OffersModule,
        MatchingModule,
        TwinningsModule,
        ActivitiesModule,
        FollowUpsModule,
        PledgesModule,
        TroikaModule,
        NotificationsModule,
        DialogueModule,
        AttentionModule,
        ExpiryModule,
        ReportsModule,
        ExportsModule,
        AuditModule,
        HealthModule,
        MetricsModule,
        ConsoleModule,
        PlatformEventsModule,
        ImportsModule,
      ],
      providers: [
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            transform: true,
            whitelist: true,
            forbidNonWhitelisted: true,
            // The factory reads each broken rule's arguments from its class (for the
            // message in the caller's language); it never sends the target anywhere.
            validationError: { target: true },
            exceptionFactory: validationExceptionFactory,
          }),
        },
        { provide: APP_PIPE, useClass: ControlCharactersPipe },
        { provide: APP_FILTER, useClass: GraphQLErrorFilter },
      ],
    };
  }
}
