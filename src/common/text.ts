/** Lower-case and strip accents, so "Capacitación" and "capacitacion" compare equal. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** LIKE patterns, one per word of a search, with the LIKE wildcards escaped (ESCAPE '\'). */
export function searchPatterns(search: string): string[] {
  return foldForSearch(search)
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}
