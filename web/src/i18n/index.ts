import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalog, Language } from './catalogs';

export type { Language };
const CHOSEN = 'mirps-language';

/** The browser's first of Spanish or English; Spanish, the MIRPS's first language, else. */
export function browserLanguage(): Language {
  const chosen = localStorage.getItem(CHOSEN);
  if (chosen === 'es' || chosen === 'en') return chosen;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.slice(0, 2).toLowerCase();
    if (base === 'es' || base === 'en') return base;
  }
  return 'es';
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  initAsync: false,
  lng: browserLanguage(),
  fallbackLng: false,
  resources: { es: { translation: catalog('es') }, en: { translation: catalog('en') } },
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switches the page's language (and `<html lang>`), remembering the choice on this device. */
export async function setLanguage(language: Language): Promise<void> {
  localStorage.setItem(CHOSEN, language);
  await i18n.changeLanguage(language);
}

function followHtmlLang(language: string) {
  document.documentElement.lang = language;
}
followHtmlLang(i18n.language);
i18n.on('languageChanged', followHtmlLang);
