import { msg } from '../../i18n/catalogs';
import type { Message } from '../../i18n/message';
import { english } from '../../i18n/translate';
import { MIRPS_STATES } from '../../reference/reference-data';

/**
 * Whether a need and an offer may be twinned, and if not why: the one rule behind
 * proposals (TwinningsService), the engine's hard rules (PairScorer) and its candidate
 * index (CandidateIndex). Plain TypeScript: no framework, no clock, no I/O.
 *
 * The rules, in the order they are checked (the first broken one is the answer):
 * the need is OPEN; the offer takes twinnings (it is not withdrawn); it has room for the
 * needs asked of it; it is open to the need's country (an empty eligibility list means
 * every MIRPS state); it serves the need's working group; they share a language; and,
 * where both give dates, the offer's availability overlaps the need's window.
 */
export type FitReason =
  | 'NEED_NOT_OPEN'
  | 'OFFER_NOT_OPEN'
  | 'CAPACITY_EXHAUSTED'
  | 'NOT_ELIGIBLE'
  | 'WRONG_TOPIC'
  | 'NO_COMMON_LANGUAGE'
  | 'DATES_DO_NOT_OVERLAP';

export type Fit = { ok: true } | { ok: false; reason: FitReason; detail: string };

/** What the rules read of a need. Times are epoch milliseconds, `null` for no limit. */
export interface FitNeed {
  countryCode: string;
  workingGroupCode: string;
  languages: readonly string[];
  earliestStart: number | null;
  latestEnd: number | null;
  /** OPEN: not in a twinning, fulfilled or withdrawn. */
  open: boolean;
  /** For the detail only. */
  title?: string;
  status?: string;
}

/** What the rules read of an offer. */
export interface FitOffer {
  workingGroupCodes: readonly string[];
  languages: readonly string[];
  /** Empty means every MIRPS state. */
  eligibleCountryCodes: readonly string[];
  availableFrom: number | null;
  availableTo: number | null;
  capacity: number;
  remainingCapacity: number;
  /** It takes twinnings: OPEN or FULL, not withdrawn. */
  open: boolean;
  /** For the detail only. */
  status?: string;
}

const MIRPS: ReadonlySet<string> = new Set(MIRPS_STATES);

/** The countries an offer is open to: those it names, or every MIRPS state when it names none. */
export function countriesOpenTo(offer: Pick<FitOffer, 'eligibleCountryCodes'>): readonly string[] {
  return offer.eligibleCountryCodes.length > 0 ? offer.eligibleCountryCodes : MIRPS_STATES;
}

/** Turns codes into small integers, so that the rules compare numbers, not strings. */
export class Interner {
  private readonly ids = new Map<string, number>();

  idOf(code: string): number {
    let id = this.ids.get(code);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(code, id);
    }
    return id;
  }

  idsOf(codes: readonly string[]): Int32Array {
    return Int32Array.from(codes, (code) => this.idOf(code));
  }
}

/** A need as the rules read it, compiled: codes interned, missing dates as infinities. */
export interface NeedFacts {
  open: boolean;
  country: number;
  /** Whether the country is a MIRPS state: what an empty eligibility list accepts. */
  mirps: boolean;
  group: number;
  languages: Int32Array;
  start: number;
  end: number;
}

/** An offer as the rules read it, compiled likewise (with the same Interner as the needs). */
export interface OfferFacts {
  open: boolean;
  remaining: number;
  groups: Int32Array;
  /** Empty means every MIRPS state. */
  eligible: Int32Array;
  languages: Int32Array;
  from: number;
  to: number;
}

export function needFacts(need: FitNeed, codes: Interner): NeedFacts {
  return {
    open: need.open,
    country: codes.idOf(need.countryCode),
    mirps: MIRPS.has(need.countryCode),
    group: codes.idOf(need.workingGroupCode),
    languages: codes.idsOf(need.languages),
    start: need.earliestStart ?? -Infinity,
    end: need.latestEnd ?? Infinity,
  };
}

export function offerFacts(offer: FitOffer, codes: Interner): OfferFacts {
  return {
    open: offer.open,
    remaining: offer.remainingCapacity,
    groups: codes.idsOf(offer.workingGroupCodes),
    eligible: codes.idsOf(offer.eligibleCountryCodes),
    languages: codes.idsOf(offer.languages),
    from: offer.availableFrom ?? -Infinity,
    to: offer.availableTo ?? Infinity,
  };
}

export function contains(list: Int32Array, value: number): boolean {
  for (let i = 0; i < list.length; i += 1) if (list[i] === value) return true;
  return false;
}

function sharesAny(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i += 1) if (contains(b, a[i])) return true;
  return false;
}

/** The rule of the need alone. */
export function needBlocker(need: NeedFacts): FitReason | null {
  return need.open ? null : 'NEED_NOT_OPEN';
}

/** The rules of the offer alone, asked to take `places` needs (0: its room is not in question). */
export function offerBlocker(offer: OfferFacts, places: number): FitReason | null {
  if (!offer.open) return 'OFFER_NOT_OPEN';
  if (offer.remaining < places) return 'CAPACITY_EXHAUSTED';
  return null;
}

/** The rules of the pair. */
export function pairBlocker(need: NeedFacts, offer: OfferFacts): FitReason | null {
  if (offer.eligible.length > 0 ? !contains(offer.eligible, need.country) : !need.mirps) {
    return 'NOT_ELIGIBLE';
  }
  if (!contains(offer.groups, need.group)) return 'WRONG_TOPIC';
  if (!sharesAny(need.languages, offer.languages)) return 'NO_COMMON_LANGUAGE';
  const from = need.start > offer.from ? need.start : offer.from;
  const to = need.end < offer.to ? need.end : offer.to;
  if (from >= to) return 'DATES_DO_NOT_OVERLAP';
  return null;
}

/**
 * The first rule the pair breaks, or null when it may be twinned. `places`: how many needs
 * of the same twinning the offer is asked to take (1 for a suggestion; 0 when its room is
 * not in question, e.g. already held).
 */
export function brokenRule(need: NeedFacts, offer: OfferFacts, places = 1): FitReason | null {
  return needBlocker(need) ?? offerBlocker(offer, places) ?? pairBlocker(need, offer);
}

/** May this need and this offer be twinned, and if not, why (with a sentence saying so). */
export function fit(need: FitNeed, offer: FitOffer, places = 1): Fit {
  const refused = refusal(need, offer, places);
  return refused === null
    ? { ok: true }
    : { ok: false, reason: refused.reason, detail: english(refused.message) };
}

/**
 * The first rule the pair breaks, with the message saying so (a proposal's CONFLICT, read
 * in the caller's language), or null when it may be twinned. `places` as for brokenRule.
 */
export function refusal(
  need: FitNeed,
  offer: FitOffer,
  places = 1,
): { reason: FitReason; message: Message } | null {
  const codes = new Interner();
  const reason = brokenRule(needFacts(need, codes), offerFacts(offer, codes), places);
  return reason === null ? null : { reason, message: messageOf(reason) };

  function messageOf(broken: FitReason): Message {
    const title = need.title;
    const theNeed =
      title === undefined
        ? msg('twinnings.fitNeedObject')
        : msg('twinnings.fitNeedObjectTitled', { title });
    const TheNeed =
      title === undefined
        ? msg('twinnings.fitNeedSubject')
        : msg('twinnings.fitNeedSubjectTitled', { title });
    switch (broken) {
      case 'NEED_NOT_OPEN':
        return need.status === undefined
          ? msg('twinnings.fitNeedNotOpenUnknown', { theNeed: TheNeed })
          : msg('twinnings.fitNeedNotOpen', { theNeed: TheNeed, status: need.status });
      case 'OFFER_NOT_OPEN':
        return offer.status === undefined
          ? msg('twinnings.fitOfferNotOpenUnknown')
          : msg('twinnings.fitOfferNotOpen', { status: offer.status });
      case 'CAPACITY_EXHAUSTED':
        return msg('twinnings.fitCapacity', {
          remaining: offer.remainingCapacity,
          capacity: offer.capacity,
          count: places,
        });
      case 'NOT_ELIGIBLE':
        return offer.eligibleCountryCodes.length > 0
          ? msg('twinnings.fitNotEligible', {
              countries: offer.eligibleCountryCodes.join(', '),
              country: need.countryCode,
              theNeed,
            })
          : msg('twinnings.fitNotMirps', { country: need.countryCode, theNeed });
      case 'WRONG_TOPIC':
        return msg('twinnings.fitWrongTopic', {
          theNeed: TheNeed,
          group: need.workingGroupCode,
          groups: offer.workingGroupCodes.join(', '),
        });
      case 'NO_COMMON_LANGUAGE':
        return msg('twinnings.fitNoCommonLanguage', {
          offerLanguages: listOrNone(offer.languages),
          theNeed,
          needLanguages: listOrNone(need.languages),
        });
      case 'DATES_DO_NOT_OVERLAP':
        return msg('twinnings.fitDatesDoNotOverlap', {
          offerPeriod: period(offer.availableFrom, offer.availableTo),
          theNeed,
          needPeriod: period(need.earliestStart, need.latestEnd),
        });
    }
  }
}

function listOrNone(codes: readonly string[]): string | Message {
  return codes.length > 0 ? codes.join(', ') : msg('twinnings.fitNoLanguage');
}

function period(from: number | null, to: number | null): Message {
  const day = (time: number) => new Date(time).toISOString().slice(0, 10);
  if (from === null && to === null) return msg('twinnings.fitAnyTime');
  if (from === null) return msg('twinnings.fitUntil', { to: day(to!) });
  if (to === null) return msg('twinnings.fitFrom', { from: day(from) });
  return msg('twinnings.fitBetween', { from: day(from), to: day(to) });
}
