import { area } from './area';

/** The words of the activities screens. */
export const activitiesWords = area({
  es: {},
  en: {},
});
