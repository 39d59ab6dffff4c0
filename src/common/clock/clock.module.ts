import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';

/** The one Clock of the service; global, as time is read everywhere. */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
