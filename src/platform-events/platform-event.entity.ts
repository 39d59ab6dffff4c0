import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '../common/scalars/date-time.scalar';
import { timestampColumn } from '../database/column-types';
import { PlatformEventKind } from './platform-event-kind';

/**
 * A meeting, workshop, twinning meeting or high-level event of the platform: platform-wide
 * (every signed-in user reads it), with the countries, organizations and working groups
 * taking part (platform_event_* tables).
 */
@ObjectType({ description: 'A meeting, workshop, twinning meeting or high-level event' })
@Entity('platform_events')
@Index('IDX_platform_events_startsAt', ['startsAt', 'id'])
export class PlatformEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => PlatformEventKind)
  @Column({ type: 'simple-enum', enum: PlatformEventKind })
  kind: PlatformEventKind;

  @Field()
  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Field(() => DateTimeScalar)
  @Column(timestampColumn())
  startsAt: Date;

  @Field(() => DateTimeScalar, { description: 'After startsAt' })
  @Column(timestampColumn())
  endsAt: Date;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 300, nullable: true })
  location: string | null;

  @Field()
  @Column({ type: 'boolean', default: false })
  virtual: boolean;

  @Column(timestampColumn())
  createdAt: Date;

  @Column(timestampColumn())
  updatedAt: Date;
}
