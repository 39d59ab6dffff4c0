import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { uuidColumn } from '../database/column-types';
import { Need } from '../needs/need.entity';
import { Pledge } from './pledge.entity';

/** A need a pledge is meant for. */
@Entity('pledge_needs')
@Index('IDX_pledge_needs_needId', ['needId'])
export class PledgeNeed {
  @PrimaryColumn(uuidColumn())
  pledgeId: string;

  @ManyToOne(() => Pledge, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pledgeId' })
  pledge?: Pledge;

  @PrimaryColumn(uuidColumn())
  needId: string;

  @ManyToOne(() => Need, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'needId' })
  need?: Need;
}
