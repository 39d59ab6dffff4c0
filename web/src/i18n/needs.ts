import { area } from './area';

/** The words of the needs screens. */
export const needsWords = area({
  es: {},
  en: {},
});
