import { TroikaRole } from './troika-role';
import { overlap, TermDates, troikaAt } from './troika';

const { CHAIR, PAST_CHAIR, INCOMING_CHAIR } = TroikaRole;

interface Term extends TermDates {
  name: string;
}

function term(name: string, role: TroikaRole, from: string, to: string | null = null): Term {
  return { name, role, from: new Date(from), to: to ? new Date(to) : null };
}

/** The annual report's chairs: Spain, then Canada from July 2021, the U.S. from 21 September 2022. */
const CHAIRS = [
  term('Spain', CHAIR, '2020-01-01', '2021-07-01'),
  term('Canada', CHAIR, '2021-07-01', '2022-09-21'),
  term('United States', CHAIR, '2022-09-21'),
];

function namesAt(terms: Term[], at: string) {
  const seats = troikaAt(terms, new Date(at));
  return {
    chair: seats.chair?.name ?? null,
    pastChair: seats.pastChair?.name ?? null,
    incomingChair: seats.incomingChair?.name ?? null,
  };
}

describe('the troika at a date', () => {
  it('derives the past and incoming chairs from the chairs’ terms', () => {
    expect(namesAt(CHAIRS, '2022-03-01')).toEqual({
      chair: 'Canada',
      pastChair: 'Spain',
      incomingChair: 'United States',
    });
    expect(namesAt(CHAIRS, '2022-09-21T00:00:00Z')).toEqual({
      chair: 'United States',
      pastChair: 'Canada',
      incomingChair: null,
    });
    expect(namesAt(CHAIRS, '2019-06-01')).toEqual({
      chair: null,
      pastChair: null,
      incomingChair: 'Spain',
    });
  });

  it('prefers a term named for the seat', () => {
    const terms = [
      ...CHAIRS,
      term('Canada (past chair)', PAST_CHAIR, '2022-09-21', '2023-09-01'),
      term('Mexico', INCOMING_CHAIR, '2023-01-01', '2023-09-01'),
    ];
    expect(namesAt(terms, '2023-02-01')).toEqual({
      chair: 'United States',
      pastChair: 'Canada (past chair)',
      incomingChair: 'Mexico',
    });
    expect(namesAt(terms, '2023-10-01')).toEqual({
      chair: 'United States',
      pastChair: 'Canada',
      incomingChair: null,
    });
  });

  it('tells overlapping periods, ends exclusive', () => {
    const [spain, canada, us] = CHAIRS;
    expect(overlap(spain, canada)).toBe(false);
    expect(overlap(canada, us)).toBe(false);
    expect(overlap(us, term('x', CHAIR, '2030-01-01'))).toBe(true);
    expect(overlap(spain, term('x', CHAIR, '2021-06-30', '2021-07-02'))).toBe(true);
  });
});
