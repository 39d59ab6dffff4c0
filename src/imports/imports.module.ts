import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { getRepositoryToken, TypeOrmModule } from '@nestjs/typeorm';
import { raw } from 'express';
import type { NextFunction, Request, Response } from 'express';
import { Repository } from 'typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { AccountsService } from '../accounts/accounts.service';
import { Clock } from '../common/clock/clock';
import { preferredLocale } from '../common/locale';
import { CommitmentsModule } from '../commitments/commitments.module';
import { Environment } from '../config/environment';
import { DatabaseModule } from '../database/database.module';
import { msg } from '../i18n/catalogs';
import { translate } from '../i18n/translate';
import { NeedsModule } from '../needs/needs.module';
import { OffersModule } from '../offers/offers.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ReferenceModule } from '../reference/reference.module';
import { ImportJob } from './import-job.entity';
import { BullImportQueue, DatabaseImportQueue, ImportQueue } from './import-queue';
import { ImportRunner } from './import-runner';
import { ImportsController } from './imports.controller';
import { ImportsResolver } from './imports.resolver';
import { ImportsService } from './imports.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([ImportJob]),
    DatabaseModule,
    AccountsModule,
    ReferenceModule,
    OrganizationsModule,
    CommitmentsModule,
    NeedsModule,
    OffersModule,
  ],
  controllers: [ImportsController],
  providers: [
    ImportsService,
    ImportRunner,
    ImportsResolver,
    {
      // BullMQ on Redis when REDIS_URL is set; the job table otherwise.
      provide: ImportQueue,
      inject: [ConfigService, Clock, getRepositoryToken(ImportJob), ImportRunner],
      useFactory: (
        config: ConfigService<Environment, true>,
        clock: Clock,
        jobs: Repository<ImportJob>,
        runner: ImportRunner,
      ): ImportQueue => {
        const redisUrl = config.get('REDIS_URL', { infer: true });
        return redisUrl
          ? new BullImportQueue(
              jobs,
              runner,
              redisUrl,
              `${config.get('REDIS_KEY_PREFIX', { infer: true })}bull`,
            )
          : new DatabaseImportQueue(
              clock,
              jobs,
              runner,
              config.get('IMPORT_POLL_MS', { infer: true }),
            );
      },
    },
  ],
})
export class ImportsModule implements NestModule {
  constructor(
    private readonly config: ConfigService<Environment, true>,
    private readonly accounts: AccountsService,
  ) {}

  /**
   * The body of an upload is the file, as bytes, up to IMPORT_MAX_BYTES (more: 413). Only a
   * signed-in caller's file is read into memory: anyone else's is left unread, and the
   * controller refuses the request (401) as it would without a file.
   */
  configure(consumer: MiddlewareConsumer): void {
    const maxBytes = this.config.get('IMPORT_MAX_BYTES', { infer: true });
    const readFile = raw({ type: () => true, limit: maxBytes });
    const signedIn = (request: Request) =>
      this.accounts.userOfAuthorization(request.headers.authorization).then(
        () => true,
        () => false,
      );
    consumer
      .apply(async (request: Request, response: Response, next: NextFunction) => {
        if (!(await signedIn(request))) return next();
        readFile(request, response, (error?: unknown) => {
          if (!error) return next();
          const status = (error as { status?: number }).status ?? 400;
          response.status(status).json({
            code: 'BAD_USER_INPUT',
            message: translate(
              preferredLocale(request),
              status === 413
                ? msg('imports.tooLarge', { megabytes: Math.floor(maxBytes / 1024 / 1024) })
                : msg('imports.notSpreadsheet'),
            ),
          });
        });
      })
      .forRoutes({ path: 'imports/*path', method: RequestMethod.POST });
  }
}
