import { Module } from '@nestjs/common';
import { TransactionRunner } from './transaction-runner';
import { UnreadableDatesCheck } from './unreadable-dates';

@Module({
  providers: [TransactionRunner, UnreadableDatesCheck],
  exports: [TransactionRunner],
})
export class DatabaseModule {}
