import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType({ description: 'A country by ISO 3166-1 alpha-2 code' })
@Entity('countries')
export class Country {
  @Field({ description: 'ISO 3166-1 alpha-2 code, e.g. HN' })
  @PrimaryColumn({ type: 'varchar', length: 2 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  nameEn: string;

  @Column({ type: 'varchar', length: 100 })
  nameEs: string;

  @Field({ description: 'One of the seven MIRPS states' })
  @Column({ type: 'boolean', default: false })
  isMirpsState: boolean;
}
