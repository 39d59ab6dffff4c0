import { accountWords } from './account';
import { activitiesWords } from './activities';
import { attentionWords } from './attention';
import { commitmentsWords } from './commitments';
import { dialogueWords } from './dialogue';
import { en } from './en';
import { es } from './es';
import { eventsWords } from './events';
import { homeWords } from './home';
import { importsWords } from './imports';
import { needsWords } from './needs';
import { offersWords } from './offers';
import { pledgeStatusWords, pledgesWords } from './pledges';
import { secretariatWords } from './secretariat';
import { twinningsWords } from './twinnings';
import { exportsWords } from './exports';

/** The languages of the console. */
export type Language = 'es' | 'en';

/** Every area's words, by the namespace prefix its keys are read with. */
export const AREAS = {
  home: homeWords,
  needs: needsWords,
  offers: offersWords,
  twinnings: twinningsWords,
  activities: activitiesWords,
  secretariat: secretariatWords,
  account: accountWords,
  attention: attentionWords,
  commitments: commitmentsWords,
  events: eventsWords,
  dialogue: dialogueWords,
  pledges: pledgesWords,
  pledgeStatus: pledgeStatusWords,
  exports: exportsWords,
  imports: importsWords,
};

/** All the console's words in one language: the common ones and each area's. */
export function catalog(language: Language) {
  const areas = Object.fromEntries(
    Object.entries(AREAS).map(([name, words]) => [name, words[language]]),
  );
  return { ...(language === 'es' ? es : en), ...areas };
}
