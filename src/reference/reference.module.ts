import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseModule } from '../database/database.module';
import { Country } from './country.entity';
import { ReferenceSeeder } from './reference-seeder';
import { CountryResolver, WorkingGroupResolver } from './reference.resolver';
import { ReferenceService } from './reference.service';
import { WorkingGroup } from './working-group.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Country, WorkingGroup]), DatabaseModule],
  providers: [ReferenceService, ReferenceSeeder, CountryResolver, WorkingGroupResolver],
  exports: [ReferenceService, ReferenceSeeder],
})
export class ReferenceModule {}
