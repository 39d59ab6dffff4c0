import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn, uuidColumn } from '../database/column-types';
import { Need } from '../needs/need.entity';
import { Offer } from '../offers/offer.entity';
import { PlatformEvent } from './platform-event.entity';

/**
 * One bilateral meeting of an event's agenda (scheduleMeetings), or a planned pair no slot
 * could take (`slot` null). `rank` is its place in the plan, best first.
 */
@Entity('agenda_meetings')
@Index('IDX_agenda_meetings_event_rank', ['eventId', 'rank'], { unique: true })
export class AgendaMeeting {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column(uuidColumn())
  eventId: string;

  @ManyToOne(() => PlatformEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'eventId' })
  event?: PlatformEvent;

  @Column({ type: 'integer' })
  rank: number;

  @Column(uuidColumn())
  needId: string;

  @ManyToOne(() => Need, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'needId' })
  need?: Need;

  @Column(uuidColumn())
  offerId: string;

  @ManyToOne(() => Offer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'offerId' })
  offer?: Offer;

  @Column({ type: 'double precision' })
  score: number;

  /** From 0; null: not placed. */
  @Column({ type: 'integer', nullable: true })
  slot: number | null;

  /** From 0; null: not placed. */
  @Column({ type: 'integer', nullable: true })
  room: number | null;

  @Column(timestampColumn({ nullable: true }))
  startsAt: Date | null;

  @Column(timestampColumn({ nullable: true }))
  endsAt: Date | null;
}
