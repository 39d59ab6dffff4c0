import { area } from './area';

/** The words of the home screens. */
export const homeWords = area({
  es: {},
  en: {},
});
