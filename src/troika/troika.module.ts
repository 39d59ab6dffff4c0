import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseModule } from '../database/database.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ChairTerm } from './chair-term.entity';
import { TroikaResolver } from './troika.resolver';
import { TroikaService } from './troika.service';

@Module({
  imports: [TypeOrmModule.forFeature([ChairTerm]), DatabaseModule, OrganizationsModule],
  providers: [TroikaService, TroikaResolver],
})
export class TroikaModule {}
