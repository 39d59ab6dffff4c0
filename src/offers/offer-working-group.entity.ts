import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { uuidColumn } from '../database/column-types';
import { WorkingGroup } from '../reference/working-group.entity';
import { Offer } from './offer.entity';

/** An offer serves one or more working groups. */
@Entity('offer_working_groups')
@Index(['workingGroupCode'])
export class OfferWorkingGroup {
  @PrimaryColumn(uuidColumn())
  offerId: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  workingGroupCode: string;

  @ManyToOne(() => Offer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'offerId' })
  offer?: Offer;

  @ManyToOne(() => WorkingGroup, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'workingGroupCode' })
  workingGroup?: WorkingGroup;
}
