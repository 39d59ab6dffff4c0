/** A calendar quarter, as the service's periods: [from, to) in UTC. */
export interface Quarter {
  year: number;
  quarter: number;
  from: string;
  to: string;
}

/** The four quarters up to and including the one `now` is in, oldest first. */
export function lastQuarters(now: Date): Quarter[] {
  const year = now.getUTCFullYear();
  const current = Math.floor(now.getUTCMonth() / 3);
  return [3, 2, 1, 0].map((back) => {
    const start = new Date(Date.UTC(year, (current - back) * 3, 1));
    const end = new Date(Date.UTC(year, (current - back + 1) * 3, 1));
    return {
      year: start.getUTCFullYear(),
      quarter: Math.floor(start.getUTCMonth() / 3) + 1,
      from: start.toISOString(),
      to: end.toISOString(),
    };
  });
}
