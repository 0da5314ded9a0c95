import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en";
import { zh } from "./zh";
import { airEn, airZh } from "./air";
import { climateEn, climateZh } from "./climate";
import { practicesEn, practicesZh } from "./practices";
import { practiceEditingEn, practiceEditingZh } from "./practice-editing";
import { programmesEn, programmesZh } from "./programmes";
import { cooperationsEn, cooperationsZh } from "./cooperations";
import { workEn, workZh } from "./work";
import { monitoringEn, monitoringZh } from "./monitoring";
import { impactEn, impactZh } from "./impact";
import { visionEn, visionZh } from "./vision";
import { matchingEn, matchingZh } from "./matching";
import { accountEn, accountZh } from "./account";
import { profileEn, profileZh } from "./profile";
import { historyEn, historyZh } from "./history";
import { phoneEn, phoneZh } from "./phone";
import { errorsEn, errorsZh } from "./errors";
import { dataPagesEn, dataPagesZh } from "./data-pages";
import { a11yEn, a11yZh } from "./a11y";
import { pagingEn, pagingZh } from "./paging";
import { lightEn, lightZh } from "./light";
import { svgmapsEn, svgmapsZh } from "./svgmaps";
import type { Lang } from "../api";

const STORAGE_KEY = "citybridge.lang";

/** The language chosen on an earlier visit, else the browser's, else English. */
export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === "en" || saved === "zh") {
      langCookie(saved);
      return saved;
    }
  } catch { /* storage blocked: fall through */ }
  return navigator.language?.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/**
 * The chosen language also as a cookie, so that the server preloads a page's data in the language the
 * page will ask for (src/api/spa-shell.ts); nothing else reads it.
 */
function langCookie(lang: Lang): void {
  try { document.cookie = `cb_lang=${lang}; path=/; max-age=31536000; samesite=lax`; } catch { /* cookies blocked: no preload in that language */ }
}

export function saveLang(lang: Lang): void {
  langCookie(lang);
  try { localStorage.setItem(STORAGE_KEY, lang); } catch { /* storage blocked: the choice lasts this visit */ }
}

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: { ...en, air: airEn, climate: climateEn, practices: practicesEn, practiceEditing: practiceEditingEn, programmes: programmesEn, cooperations: cooperationsEn, work: workEn, monitoring: monitoringEn, impact: impactEn, vision: visionEn, matching: matchingEn, account: accountEn, profile: profileEn, history: historyEn, phone: phoneEn, dataPages: dataPagesEn, a11y: a11yEn, paging: pagingEn, light: lightEn, svgmaps: svgmapsEn }, errors: errorsEn },
    zh: { translation: { ...zh, air: airZh, climate: climateZh, practices: practicesZh, practiceEditing: practiceEditingZh, programmes: programmesZh, cooperations: cooperationsZh, work: workZh, monitoring: monitoringZh, impact: impactZh, vision: visionZh, matching: matchingZh, account: accountZh, profile: profileZh, history: historyZh, phone: phoneZh, dataPages: dataPagesZh, a11y: a11yZh, paging: pagingZh, light: lightZh, svgmaps: svgmapsZh }, errors: errorsZh },
  },
  lng: initialLang(),
  fallbackLng: "en",
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
