// Every string the page shows, in each language, and the locale's number and date formats.
// Markup carries keys only (data-i18n, data-i18n-aria, data-i18n-placeholder); code asks t().
import { catalogues } from "./catalogues.js";

const locales = { en: "en-US", fr: "fr-FR", zh: "zh-CN" };
let language = "en";
const listeners = [];

export const languages = Object.keys(catalogues);

export function setLanguage(next) {
  language = catalogues[next] ? next : "en";
  try { localStorage.setItem("solvent.language", language); } catch { /* private mode: not kept */ }
  document.documentElement.lang = language === "zh" ? "zh-CN" : language;
  apply(document);
  for (const listener of listeners) listener(language);
}

export function initialLanguage() {
  let saved = null;
  try { saved = localStorage.getItem("solvent.language"); } catch { /* ignore */ }
  if (saved && catalogues[saved]) return saved;
  const preferred = (navigator.language || "en").slice(0, 2);
  return catalogues[preferred] ? preferred : "en";
}

export const currentLanguage = () => language;
export const onLanguage = (listener) => listeners.push(listener);

/** The text of `key`, with `{name}` replaced from `values`. A missing key shows itself, loudly. */
export function t(key, values = {}) {
  const template = catalogues[language][key] ?? catalogues.en[key];
  if (template === undefined) { console.warn(`i18n: missing key ${key}`); return key; }
  return template.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
}

/** Whether the catalogue has `key` (the page's own error codes have text; others show the server's). */
export const has = (key) => catalogues[language][key] !== undefined;

export function apply(root) {
  for (const node of root.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll("[data-i18n-aria]")) node.setAttribute("aria-label", t(node.dataset.i18nAria));
  for (const node of root.querySelectorAll("[data-i18n-placeholder]")) node.placeholder = t(node.dataset.i18nPlaceholder);
}

const numberFormats = new Map();
function numberFormat(places, style, signDisplay = "auto") {
  const id = `${language}/${places}/${style}/${signDisplay}`;
  if (!numberFormats.has(id)) {
    numberFormats.set(id, new Intl.NumberFormat(locales[language], {
      minimumFractionDigits: places, maximumFractionDigits: places, style, signDisplay,
    }));
  }
  return numberFormats.get(id);
}

/** A decimal string in the locale's digits and separators, with `places` decimals, never via a
 *  float: Intl formats the string itself. */
export function number(decimalText, places) {
  if (decimalText === null || decimalText === undefined || decimalText === "") return "—";
  return numberFormat(places, "decimal").format(String(decimalText));
}

/** "2.5" → "+2.50%" ("+2,50 %" in French). */
export function percentChange(decimalText) {
  if (decimalText === null || decimalText === undefined) return "—";
  return t("fmt.percent", { value: numberFormat(2, "decimal", "exceptZero").format(String(decimalText)) });
}

export const wholePercent = (value) => numberFormat(0, "percent").format(value / 100);

export function time(ms) {
  return new Intl.DateTimeFormat(locales[language], { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false }).format(ms);
}

export function dateTime(ms) {
  return new Intl.DateTimeFormat(locales[language], { dateStyle: "short", timeStyle: "medium", hour12: false }).format(ms);
}

export function chartTime(ms, withDate) {
  const options = withDate ? { month: "short", day: "numeric" } : { hour: "2-digit", minute: "2-digit", hour12: false };
  return new Intl.DateTimeFormat(locales[language], options).format(ms);
}
