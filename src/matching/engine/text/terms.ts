import { newStemmer } from 'snowball-stemmers';
import { eng, spa } from 'stopword';
import { SPANISH_TO_ENGLISH } from './glossary';

const english = newStemmer('english');
const spanish = newStemmer('spanish');

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '');
}

const SPANISH_STOP = new Set(spa.map(fold));
const ENGLISH_STOP = new Set(eng.map(fold));

/**
 * The Spanish stemmer knows "capacitación" but not "capacitacion" typed without the
 * accent; put back the accents of the endings that carry them most often.
 */
function reaccent(word: string): string {
  return word.replace(/([cs])ion(es)?$/, (_, consonant: string, plural?: string) =>
    plural ? `${consonant}iones` : `${consonant}ión`,
  );
}

/** Stemming is the slow part of reading a text, and texts repeat their words. */
function memoised(stem: (word: string) => string): (word: string) => string {
  const cache = new Map<string, string>();
  return (word) => {
    let stemmed = cache.get(word);
    if (stemmed === undefined) {
      stemmed = stem(word);
      if (cache.size < 200_000) cache.set(word, stemmed);
    }
    return stemmed;
  };
}

const stemSpanish = memoised((word) =>
  fold(spanish.stem(/[\u0300-\u036f]|[áéíóúüñ]/.test(word) ? word : reaccent(word))),
);

const stemEnglish = memoised((word) => english.stem(fold(word)));

/** Spanish stem → the English stem it means, from the glossary. */
const GLOSSARY = new Map(
  SPANISH_TO_ENGLISH.map(([es, en]) => [stemSpanish(es), stemEnglish(en)] as const),
);

export interface Term {
  /** The key two texts share when they speak of the same thing. */
  key: string;
  /** The word as the text wrote it (folded), for explanations. */
  word: string;
}

/**
 * Whether a text reads as Spanish: more Spanish than English stop words. Focal points
 * write in either language; the stemmer must follow.
 */
function looksSpanish(words: string[]): boolean {
  let spanishHits = 0;
  let englishHits = 0;
  for (const word of words) {
    if (SPANISH_STOP.has(word)) spanishHits += 1;
    if (ENGLISH_STOP.has(word)) englishHits += 1;
  }
  return spanishHits > englishHits;
}

/**
 * The content terms of a text: lower-cased, split on anything but letters and digits,
 * stop words of both languages dropped, stemmed in the text's language, Spanish terms
 * mapped to English where the glossary knows them. Accents never matter.
 */
export function termsOf(text: string): Term[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const folded = words.map(fold);
  const spanishText = looksSpanish(folded);
  const terms: Term[] = [];
  words.forEach((word, index) => {
    const plain = folded[index];
    if (plain.length < 2 || SPANISH_STOP.has(plain) || ENGLISH_STOP.has(plain)) return;
    if (/^\d+$/.test(plain)) return;
    const key = spanishText
      ? (GLOSSARY.get(stemSpanish(word)) ?? stemSpanish(word))
      : stemEnglish(word);
    terms.push({ key, word: plain });
  });
  return terms;
}
