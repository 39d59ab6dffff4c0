import { area } from './area';

/** The words of the twinnings screens. */
export const twinningsWords = area({
  es: {},
  en: {},
});
