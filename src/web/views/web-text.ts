/**
 * Every word the dashboard shows, per locale. Column, KPI, chart and table keys are shared by the
 * page builders (src/web/pages/) and the exports (whose CSV headers are the keys themselves).
 */
import type { Locale } from '../../model/locale.js';
import { WEB_TEXT_EN } from './web-text-en.js';
import { WEB_TEXT_ZH, type WebText } from './web-text-zh.js';

export type { WebText } from './web-text-zh.js';
export { WEB_TEXT_ZH };

export function webText(locale: Locale): WebText {
  return locale === 'en' ? WEB_TEXT_EN : WEB_TEXT_ZH;
}
