import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timestampColumn } from '../database/column-types';

@ObjectType({ description: 'A MIRPS working group or Support Platform focus area (the topic)' })
@Entity('working_groups')
export class WorkingGroup {
  @Field({ description: 'Stable code, e.g. ASYLUM_SYSTEMS' })
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  nameEn: string;

  @Column({ type: 'varchar', length: 200 })
  nameEs: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  descriptionEn: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  descriptionEs: string | null;

  @Column(timestampColumn())
  createdAt: Date;
}
