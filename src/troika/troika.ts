import { TroikaRole } from './troika-role';

/** What the troika is derived from: a term's seat and dates. */
export interface TermDates {
  role: TroikaRole;
  from: Date;
  to: Date | null;
}

export interface TroikaSeats<T> {
  chair: T | null;
  pastChair: T | null;
  incomingChair: T | null;
}

function covers(term: TermDates, at: Date): boolean {
  return (
    term.from.getTime() <= at.getTime() && (term.to === null || at.getTime() < term.to.getTime())
  );
}

/** The term of `role` in force at `at` (the latest started, should two be). */
function inForce<T extends TermDates>(terms: readonly T[], role: TroikaRole, at: Date): T | null {
  const current = terms.filter((term) => term.role === role && covers(term, at));
  return current.sort((a, b) => b.from.getTime() - a.from.getTime())[0] ?? null;
}

/**
 * The troika at `at`: each seat's term in force then. A seat nobody was named to follows
 * from the chairs' own terms: the past chair is the chair whose term ended last before
 * `at`, the incoming chair the one whose term starts first after it.
 */
export function troikaAt<T extends TermDates>(terms: readonly T[], at: Date): TroikaSeats<T> {
  const chairs = terms.filter((term) => term.role === TroikaRole.CHAIR);
  const ended = chairs
    .filter((term) => term.to !== null && term.to.getTime() <= at.getTime())
    .sort((a, b) => b.to!.getTime() - a.to!.getTime());
  const coming = chairs
    .filter((term) => term.from.getTime() > at.getTime())
    .sort((a, b) => a.from.getTime() - b.from.getTime());
  return {
    chair: inForce(terms, TroikaRole.CHAIR, at),
    pastChair: inForce(terms, TroikaRole.PAST_CHAIR, at) ?? ended[0] ?? null,
    incomingChair: inForce(terms, TroikaRole.INCOMING_CHAIR, at) ?? coming[0] ?? null,
  };
}

/** Whether two terms' periods [from, to) share a moment. */
export function overlap(
  a: Pick<TermDates, 'from' | 'to'>,
  b: Pick<TermDates, 'from' | 'to'>,
): boolean {
  const aEnds = a.to?.getTime() ?? Infinity;
  const bEnds = b.to?.getTime() ?? Infinity;
  return a.from.getTime() < bEnds && b.from.getTime() < aEnds;
}
