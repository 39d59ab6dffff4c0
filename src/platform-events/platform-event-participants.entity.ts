import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { uuidColumn } from '../database/column-types';
import { Organization } from '../organizations/organization.entity';
import { Country } from '../reference/country.entity';
import { WorkingGroup } from '../reference/working-group.entity';
import { PlatformEvent } from './platform-event.entity';

/** A country taking part in an event. */
@Entity('platform_event_countries')
@Index(['countryCode'])
export class PlatformEventCountry {
  @PrimaryColumn(uuidColumn())
  eventId: string;

  @PrimaryColumn({ type: 'varchar', length: 2 })
  countryCode: string;

  @ManyToOne(() => PlatformEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'eventId' })
  event?: PlatformEvent;

  @ManyToOne(() => Country, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'countryCode' })
  country?: Country;
}

/** An organization taking part in an event. */
@Entity('platform_event_organizations')
@Index(['organizationId'])
export class PlatformEventOrganization {
  @PrimaryColumn(uuidColumn())
  eventId: string;

  @PrimaryColumn(uuidColumn())
  organizationId: string;

  @ManyToOne(() => PlatformEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'eventId' })
  event?: PlatformEvent;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organizationId' })
  organization?: Organization;
}

/** A working group whose subject the event is. */
@Entity('platform_event_working_groups')
@Index(['workingGroupCode'])
export class PlatformEventWorkingGroup {
  @PrimaryColumn(uuidColumn())
  eventId: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  workingGroupCode: string;

  @ManyToOne(() => PlatformEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'eventId' })
  event?: PlatformEvent;

  @ManyToOne(() => WorkingGroup, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'workingGroupCode' })
  workingGroup?: WorkingGroup;
}
