import { area } from './area';

/** The words of the secretariat screens. */
export const secretariatWords = area({
  es: {},
  en: {},
});
