import { area } from './area';

/** The words of the account screens. */
export const accountWords = area({
  es: {},
  en: {},
});
