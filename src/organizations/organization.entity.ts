import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '../database/column-types';
import { Country } from '../reference/country.entity';
import { OrganizationKind } from './organization-kind';

@ObjectType({
  description: 'A Support Platform member (or a MIRPS state acting as one) that offers',
})
@Entity('organizations')
export class Organization {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** The name folded for comparison, so "UNHCR" and "unhcr " cannot both exist. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 200 })
  nameKey: string;

  @Field(() => OrganizationKind)
  @Column({ type: 'simple-enum', enum: OrganizationKind })
  kind: OrganizationKind;

  @Column({ type: 'varchar', length: 2, nullable: true })
  countryCode: string | null;

  @ManyToOne(() => Country, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'countryCode' })
  country?: Country;

  @Field({
    description:
      "A disabled organization's focal points cannot sign in, its offers are not suggested, " +
      'and no new offer, account or twinning can name it',
  })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column(timestampColumn())
  createdAt: Date;
}
