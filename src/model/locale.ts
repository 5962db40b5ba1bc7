/**
 * The languages of everything qingqun says to people: zh-CN is the default, English with
 * `--locale en` (config `locale`). The one declaration: CLI, reports, digests, audits, the dashboard,
 * the conversation and delivery notes all take this type, and each text table is keyed by it.
 */
export const LOCALES = ['zh-CN', 'en'] as const;

export type Locale = (typeof LOCALES)[number];
