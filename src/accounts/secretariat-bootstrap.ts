import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Environment } from '../config/environment';
import { AccountsService } from './accounts.service';

/** Start-up: creates the first secretariat account when there is none. */
@Injectable()
export class SecretariatBootstrap implements OnApplicationBootstrap {
  constructor(
    private readonly accounts: AccountsService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.accounts.bootstrapSecretariat(
      this.config.get('SECRETARIAT_EMAIL', { infer: true }),
      this.config.get('SECRETARIAT_PASSWORD', { infer: true }),
    );
  }
}
