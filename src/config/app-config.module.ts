import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { validateEnvironment } from './environment';

/**
 * The validated configuration: the environment plus `.env`, checked once at start-up.
 * `overrides` win over both (the tests use them to point at a throwaway database).
 */
@Module({})
export class AppConfigModule {
  static forRoot(overrides: Record<string, string> = {}): Promise<DynamicModule> {
    return ConfigModule.forRoot({
      isGlobal: true,
      cache: true,
      ignoreEnvFile: Object.keys(overrides).length > 0,
      validate: (raw) => validateEnvironment({ ...raw, ...overrides }),
    });
  }
}
