import { describe, expect, it } from 'vitest';
import { numberArgs } from '../../src/converse/command-args.js';
import {
  COMMAND_NAMES,
  COMMAND_WORDS,
  COMMANDS,
  commandWord,
  parseCommand,
} from '../../src/converse/command-registry.js';
import { converseText } from '../../src/converse/converse-text.js';

describe('parseCommand', () => {
  it.each([
    ['帮助', 'help', []],
    ['  HELP ', 'help', []],
    ['？', 'help', []],
    ['/help', 'help', []],
    ['我的群', 'groups', []],
    ['groups', 'groups', []],
    ['静音建议', 'mute-suggestions', []],
    ['mute', 'mute-suggestions', []],
    ['静音 3', 'mute', ['3']],
    ['静音3，5', 'mute', ['3', '5']],
    ['mute 2 4', 'mute', ['2', '4']],
    ['取消静音 第2个', 'unmute', ['2']],
    ['unmute 2', 'unmute', ['2']],
    ['订阅', 'subscribe', []],
    ['Subscribe', 'subscribe', []],
    ['退订', 'unsubscribe', []],
    ['取消订阅', 'unsubscribe', []],
    ['退出记录', 'optout', []],
    ['opt-out', 'optout', []],
    ['恢复记录', 'optin', []],
    ['我的数据', 'mydata', []],
    ['my data', 'mydata', []],
    ['周报', 'digest', []],
    ['周报 2026-W46', 'digest', ['2026-W46']],
    ['digest wxid_AbC', 'digest', ['wxid_AbC']],
    ['采纳 1', 'accept', ['1']],
    ['采纳1', 'accept', ['1']],
    ['采纳：第１条', 'accept', ['1']],
    ['ACCEPT 2', 'accept', ['2']],
    ['忽略 3', 'dismiss', ['3']],
    ['dismiss 3', 'dismiss', ['3']],
    ['审计', 'audit', []],
    ['幫助', 'help', []],
    ['審計', 'audit', []],
  ])('%j → %s %j', (text, name, args) => {
    expect(parseCommand(text)).toEqual({ name, args });
  });

  it.each([
    '',
    '   ',
    '收到',
    '请问明天开会吗',
    'helpme',
    'subscriber',
    'auditor 1',
    '我想看看周报',
    `帮助${'啊'.repeat(200)}`,
    '\u200d\u200d',
  ])('%j is not a command', (text) => {
    expect(parseCommand(text)).toBeNull();
  });

  it('gives every command at least one Chinese word and one English alias', () => {
    for (const name of COMMAND_NAMES) {
      const words = COMMAND_WORDS[name];
      if (name !== 'mute') expect(words.some((w) => /^[a-z?]/.test(w))).toBe(true);
      expect(words.some((w) => /[\u4e00-\u9fff]/.test(w))).toBe(true);
    }
  });

  it('never throws and stays quick on hostile input', () => {
    for (const text of [
      '帮助'.repeat(25_000),
      '\u0000采纳 1',
      '采纳 1'.padEnd(99, '\u0301'),
      '🙂'.repeat(10),
    ]) {
      expect(() => parseCommand(text)).not.toThrow();
    }
  });
});

describe('numberArgs', () => {
  it.each([
    [
      ['1', '3'],
      [1, 3],
    ],
    [[], []],
    [['0'], null],
    [['x'], null],
    [['1', 'u-0008'], null],
    [['1234567'], null],
  ])('%j → %j', (args, expected) => {
    expect(numberArgs(args)).toEqual(expected);
  });
});

describe('the command registry', () => {
  it('has one command per help line of the text catalogue, each with its line in both locales', () => {
    const zh = converseText('zh-CN');
    const en = converseText('en');
    expect([...COMMAND_NAMES].sort()).toEqual(Object.keys(zh.help).sort());
    expect(new Set(COMMAND_NAMES).size).toBe(COMMANDS.length);
    for (const command of COMMANDS) {
      expect(command.help(zh)).toBe(zh.help[command.name]);
      expect(command.help(en)).toBe(en.help[command.name]);
    }
  });

  it('gives no word to two commands, and words in the form the parser compares (lower case, NFKC)', () => {
    const words = COMMANDS.flatMap((c) => c.words);
    expect(new Set(words).size).toBe(words.length);
    for (const word of words) expect(word).toBe(word.normalize('NFKC').toLowerCase().trim());
  });

  it('derives the words replies use from the declarations', () => {
    expect(commandWord('accept', 'zh-CN')).toBe('采纳');
    expect(commandWord('accept', 'en')).toBe('accept');
    expect(commandWord('mute', 'en')).toBe('mute');
    expect(commandWord('mute', 'zh-CN')).toBe('静音');
    expect(commandWord('help', 'en')).toBe('help');
  });
});
