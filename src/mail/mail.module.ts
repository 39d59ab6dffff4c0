import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseModule } from '../database/database.module';
import { MailDelivery } from './mail-delivery';
import { MailOutbox } from './mail-outbox';
import { OutboxMail } from './outbox-mail.entity';
import { PublicLinks } from './public-links';

/**
 * E-mail: the outbox every module writes to in its own transactions (MailOutbox), the
 * worker that delivers it (MailDelivery), and the service's public addresses (PublicLinks).
 * Global: any module may send mail.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMail]), DatabaseModule],
  providers: [MailOutbox, MailDelivery, PublicLinks],
  exports: [MailOutbox, MailDelivery, PublicLinks],
})
export class MailModule {}
