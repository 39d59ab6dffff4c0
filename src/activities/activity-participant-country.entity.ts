import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { uuidColumn } from '../database/column-types';
import { Country } from '../reference/country.entity';
import { Activity } from './activity.entity';

/** The countries whose people take part in an activity (any country, not only MIRPS states). */
@Entity('activity_participant_countries')
@Index(['countryCode'])
export class ActivityParticipantCountry {
  @PrimaryColumn(uuidColumn())
  activityId: string;

  @PrimaryColumn({ type: 'varchar', length: 2 })
  countryCode: string;

  @ManyToOne(() => Activity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activityId' })
  activity?: Activity;

  @ManyToOne(() => Country, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'countryCode' })
  country?: Country;
}
