import type { Message } from '../../i18n/message';
import type { TrackRecord } from './track-record';

/**
 * What the engine is fed: plain data, no entities. Times are epoch milliseconds;
 * `null` means "no limit".
 */
export interface NeedCandidate {
  id: string;
  countryCode: string;
  workingGroupCode: string;
  title: string;
  description: string;
  modalities: readonly string[];
  languages: readonly string[];
  earliestStart: number | null;
  latestEnd: number | null;
  /** Only OPEN needs can pair. */
  open: boolean;
}

export interface OfferCandidate {
  id: string;
  workingGroupCodes: readonly string[];
  title: string;
  description: string;
  modalities: readonly string[];
  languages: readonly string[];
  capacity: number;
  remainingCapacity: number;
  availableFrom: number | null;
  availableTo: number | null;
  /** Empty means every MIRPS state (fit.ts: countriesOpenTo). */
  eligibleCountryCodes: readonly string[];
  /** It takes twinnings (OPEN, or FULL with no room left); a withdrawn offer never pairs. */
  open: boolean;
  /** How the countries rated its organization's past twinnings; absent: none rated. */
  trackRecord?: TrackRecord;
}

export type Factor =
  | 'TOPIC'
  | 'MODALITY'
  | 'LANGUAGE'
  | 'TIMING'
  | 'ELIGIBILITY'
  | 'TEXT'
  | 'CAPACITY'
  | 'TRACK_RECORD';

export const FACTORS: readonly Factor[] = [
  'TOPIC',
  'MODALITY',
  'LANGUAGE',
  'TIMING',
  'ELIGIBILITY',
  'TEXT',
  'CAPACITY',
  'TRACK_RECORD',
];

export interface Reason {
  factor: Factor;
  weight: number;
  /** The factor's own value in [0, 1]; it adds weight × score to the pair's score. */
  score: number;
  /** Why, as a message of the catalogs: read in the caller's language where it is answered. */
  detail: Message;
}

export interface ScoredPair {
  needId: string;
  offerId: string;
  /** In [0, 1], rounded to 6 decimals so that equal inputs give equal scores everywhere. */
  score: number;
  reasons: Reason[];
}
