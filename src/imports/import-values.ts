import type { CellValue } from './sheet-rows';

/** A cell as text, trimmed; undefined when empty. A date cell reads as its ISO date. */
export function textOf(cell: CellValue | undefined): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const text = String(cell).trim();
  return text === '' ? undefined : text;
}

/** The items of a list cell ("training, workshop"; ";", "|" and line breaks also part them). */
export function listOf(cell: CellValue | undefined): string[] | undefined {
  const text = textOf(cell);
  if (text === undefined) return undefined;
  return text
    .split(/[,;|\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * A number cell as a number; a text cell that writes an integer ("1.200" or "1,200" as
 * thousands, as either locale writes it) as that number; anything else as it is, for the
 * input's own rules to refuse.
 */
export function integerOf(cell: CellValue | undefined): number | string | undefined {
  if (typeof cell === 'number') return cell;
  const text = textOf(cell);
  if (text === undefined) return undefined;
  const digits = text.replace(/[.,\s](?=\d{3}(\D|$))/g, '');
  return /^-?\d+$/.test(digits) ? Number(digits) : text;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

function utcDay(year: number, month: number, day: number): Date | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
    ? date
    : undefined;
}

/**
 * A date: a date cell as it is; ISO text ("2027-03-01", or with a time); a day-first date
 * as a Spanish sheet writes it ("01/03/2027", 1 March). Anything else stays text, for the
 * input's own rules to refuse.
 */
export function dateOf(cell: CellValue | undefined): Date | string | undefined {
  if (cell instanceof Date) return cell;
  const text = textOf(cell);
  if (text === undefined) return undefined;
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const parsed = text.length > 10 ? new Date(text) : utcDay(+iso[1], +iso[2], +iso[3]);
    return parsed && !Number.isNaN(parsed.getTime()) ? parsed : text;
  }
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) return utcDay(+dayFirst[3], +dayFirst[2], +dayFirst[1]) ?? text;
  return text;
}
