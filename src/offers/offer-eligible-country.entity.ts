import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { uuidColumn } from '../database/column-types';
import { Country } from '../reference/country.entity';
import { Offer } from './offer.entity';

/** The MIRPS states an offer is open to; none listed means all of them. */
@Entity('offer_eligible_countries')
export class OfferEligibleCountry {
  @PrimaryColumn(uuidColumn())
  offerId: string;

  @PrimaryColumn({ type: 'varchar', length: 2 })
  countryCode: string;

  @ManyToOne(() => Offer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'offerId' })
  offer?: Offer;

  @ManyToOne(() => Country, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'countryCode' })
  country?: Country;
}
