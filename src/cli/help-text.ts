import { type Argument, type Command, Help, type Option } from 'commander';
import type { CliLocale } from './messages.js';

/**
 * The help's second catalogue: Chinese for each English help text (command and option
 * descriptions), gettext style: commands are written with their English text, and the help shows
 * the translation in zh-CN. test/cli/help-text.test.ts registers every command and fails on any
 * description without an entry here, so a new command or option cannot ship untranslated.
 */
export const HELP_ZH: Record<string, string> = {
  // commander's own
  'display help for command': '显示命令的帮助',
  'output the version number': '显示版本号',
};

const TITLES_ZH: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

/** The translation of one help text; the English text when the catalogue has none. */
export function helpText(locale: CliLocale, english: string): string {
  return locale === 'zh-CN' ? (HELP_ZH[english] ?? english) : english;
}

/** Replaces the leading description and commander's "(default: …)" suffix. */
function translateDescribed(full: string, description: string): string {
  const rest = full.startsWith(description) ? full.slice(description.length) : full;
  const translated = full.startsWith(description) ? helpText('zh-CN', description) : '';
  return (
    translated +
    rest.replace(/\(default: (.*)\)$/, '（默认：$1）').replace(/\(choices: (.*)\)$/, '（可选：$1）')
  );
}

/** Makes `program`'s help (and every subcommand's, which inherit it) speak `locale`. */
export function localizeHelp(program: Command, locale: CliLocale): void {
  if (locale !== 'zh-CN') return;
  const base = Help.prototype;
  program.configureHelp({
    styleTitle: (title: string) => TITLES_ZH[title] ?? title,
    commandDescription(cmd: Command) {
      return helpText('zh-CN', base.commandDescription.call(this, cmd));
    },
    subcommandDescription(cmd: Command) {
      return helpText('zh-CN', base.subcommandDescription.call(this, cmd));
    },
    optionDescription(option: Option) {
      return translateDescribed(base.optionDescription.call(this, option), option.description ?? '');
    },
    argumentDescription(argument: Argument) {
      return translateDescribed(base.argumentDescription.call(this, argument), argument.description ?? '');
    },
  });
}
