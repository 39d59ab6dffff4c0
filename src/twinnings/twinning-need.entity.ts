import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Need } from '../needs/need.entity';
import { TwinningArrangement } from './twinning.entity';

/** The needs a twinning serves. */
@Entity('twinning_needs')
@Index(['needId'])
export class TwinningNeed {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  twinningId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  needId: string;

  @ManyToOne(() => TwinningArrangement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'twinningId' })
  twinning?: TwinningArrangement;

  @ManyToOne(() => Need, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'needId' })
  need?: Need;
}
