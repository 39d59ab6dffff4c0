/**
 * The twinning meeting's agenda: planned pairs (a need's country × an offer's organization)
 * packed into slots × rooms. Pure: plain data in, plain data out, no clock, no I/O.
 *
 * What it guarantees (proved by pack-agenda.spec.ts's property tests; README: "The twinning
 * meeting's agenda"):
 * 1. Every request is either placed exactly once or returned in `unplaced`: none is dropped.
 * 2. No country and no organization is in two meetings of the same slot, and no slot holds
 *    more meetings than there are rooms (each meeting has its own room, 0..rooms-1).
 * 3. Best pairs first, earliest slot: requests are taken by score, best first (ties: need
 *    id, then offer id), and each goes to the earliest slot where, given the better pairs
 *    already placed, both its parties and a room are free; it is unplaced only when no slot
 *    is. The same requests in any order give the same agenda.
 * 4. A request whose country has `c` requests and whose organization has `o`, with `k`
 *    requests ranked before it, is always placed when slots ≥ c + o − 1 + ⌊k / rooms⌋; so
 *    every request is placed when slots ≥ max(c + o) − 1 + ⌊(pairs − 1) / rooms⌋, and then
 *    the slots used are at most that many.
 * 5. It does NOT promise to place every pair whenever slots ≥ the lower bound
 *    max(meetings of the busiest party, ⌈pairs / rooms⌉) (greedy colouring can need up to
 *    about twice as many slots: see the spec's counterexample); `lowerBound` is reported
 *    beside `slotsUsed` so the gap is visible.
 */
export interface MeetingRequest {
  needId: string;
  offerId: string;
  /** The need's country. */
  countryCode: string;
  /** The offer's organization. */
  organizationId: string;
  score: number;
}

export interface PackedMeeting extends MeetingRequest {
  /** From 0: the slot's start is the event's start + slot × the slot's length. */
  slot: number;
  /** From 0, below `rooms`. */
  room: number;
}

export interface AgendaPacking {
  /** By slot, then room. */
  placed: PackedMeeting[];
  /** Those no slot could take, best first. */
  unplaced: MeetingRequest[];
  /** The number of slots from the first to the last one holding a meeting (0: none). */
  slotsUsed: number;
  /**
   * No packing of all the requests uses fewer slots: max(the busiest party's number of
   * requests, ⌈requests / rooms⌉); 0 without requests.
   */
  lowerBound: number;
}

/** Best score first; equal scores by need id, then offer id: a total order. */
export function bestFirst(a: MeetingRequest, b: MeetingRequest): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.needId !== b.needId) return a.needId < b.needId ? -1 : 1;
  if (a.offerId !== b.offerId) return a.offerId < b.offerId ? -1 : 1;
  return 0;
}

/** Countries and organizations are told apart even if a code and an id were alike. */
function countryKey(request: MeetingRequest): string {
  return `country:${request.countryCode}`;
}

function organizationKey(request: MeetingRequest): string {
  return `organization:${request.organizationId}`;
}

/** How many requests each party (country or organization) has. */
export function requestsPerParty(requests: readonly MeetingRequest[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of requests) {
    for (const key of [countryKey(request), organizationKey(request)]) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/** max(the busiest party's requests, ⌈requests / rooms⌉): see AgendaPacking.lowerBound. */
export function agendaLowerBound(requests: readonly MeetingRequest[], rooms: number): number {
  if (requests.length === 0) return 0;
  const busiest = Math.max(...requestsPerParty(requests).values());
  return Math.max(busiest, Math.ceil(requests.length / rooms));
}

export function packAgenda(
  requests: readonly MeetingRequest[],
  shape: { slots: number; rooms: number },
): AgendaPacking {
  const { slots, rooms } = shape;
  if (!Number.isInteger(slots) || slots < 0 || !Number.isInteger(rooms) || rooms < 1) {
    throw new RangeError(`slots must be an integer ≥ 0 and rooms ≥ 1 (${slots}, ${rooms})`);
  }
  const ranked = [...requests].sort(bestFirst);
  const roomsTaken = new Int32Array(slots);
  /** Per party, which slots it is busy in. */
  const busy = new Map<string, Uint8Array>();
  const busyOf = (key: string): Uint8Array => {
    let slotsOf = busy.get(key);
    if (!slotsOf) {
      slotsOf = new Uint8Array(slots);
      busy.set(key, slotsOf);
    }
    return slotsOf;
  };
  /** Every slot before it is full: where the search for a free room starts. */
  let firstWithRoom = 0;

  const placed: PackedMeeting[] = [];
  const unplaced: MeetingRequest[] = [];
  let lastSlot = -1;
  for (const request of ranked) {
    const country = busyOf(countryKey(request));
    const organization = busyOf(organizationKey(request));
    let slot = firstWithRoom;
    while (slot < slots && (roomsTaken[slot] >= rooms || country[slot] || organization[slot])) {
      slot += 1;
    }
    if (slot === slots) {
      unplaced.push(request);
      continue;
    }
    const room = roomsTaken[slot];
    roomsTaken[slot] += 1;
    country[slot] = 1;
    organization[slot] = 1;
    placed.push({ ...request, slot, room });
    lastSlot = Math.max(lastSlot, slot);
    while (firstWithRoom < slots && roomsTaken[firstWithRoom] >= rooms) firstWithRoom += 1;
  }
  placed.sort((a, b) => a.slot - b.slot || a.room - b.room);
  return {
    placed,
    unplaced,
    slotsUsed: lastSlot + 1,
    lowerBound: agendaLowerBound(requests, rooms),
  };
}
