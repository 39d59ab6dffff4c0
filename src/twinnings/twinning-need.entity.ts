import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { uuidColumn } from '../database/column-types';
import { Need } from '../needs/need.entity';
import { TwinningArrangement } from './twinning.entity';

/** The needs a twinning serves. */
@Entity('twinning_needs')
@Index(['needId'])
export class TwinningNeed {
  @PrimaryColumn(uuidColumn())
  twinningId: string;

  @PrimaryColumn(uuidColumn())
  needId: string;

  @ManyToOne(() => TwinningArrangement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'twinningId' })
  twinning?: TwinningArrangement;

  @ManyToOne(() => Need, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'needId' })
  need?: Need;
}
