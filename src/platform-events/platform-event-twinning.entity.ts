import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { timestampColumn, uuidColumn } from '../database/column-types';
import { TwinningArrangement } from '../twinnings/twinning.entity';
import { PlatformEvent } from './platform-event.entity';

/**
 * The event a twinning was made at: at most one per twinning (linking it again moves it).
 * Kept beside the twinnings table rather than in it, so that the twinnings module knows
 * nothing of events.
 */
@Entity('platform_event_twinnings')
@Index(['eventId'])
export class PlatformEventTwinning {
  @PrimaryColumn(uuidColumn())
  twinningId: string;

  @Column(uuidColumn())
  eventId: string;

  @ManyToOne(() => TwinningArrangement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'twinningId' })
  twinning?: TwinningArrangement;

  @ManyToOne(() => PlatformEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'eventId' })
  event?: PlatformEvent;

  @Column(timestampColumn())
  linkedAt: Date;
}
