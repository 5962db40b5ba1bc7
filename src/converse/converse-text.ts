import type { Locale } from '../model/locale.js';
import { CONVERSE_TEXT_EN } from './converse-text-en.js';
import { CONVERSE_TEXT_ZH, type ConverseText } from './converse-text-zh.js';

export type { ConverseText } from './converse-text-zh.js';

/** The private-chat wording for a locale (config.locale). */
export function converseText(locale: Locale): ConverseText {
  return locale === 'en' ? CONVERSE_TEXT_EN : CONVERSE_TEXT_ZH;
}
