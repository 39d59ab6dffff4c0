import { area } from './area';

/** The words of the offers screens. */
export const offersWords = area({
  es: {},
  en: {},
});
