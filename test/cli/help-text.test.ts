import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMAND_SUMMARIES, COMMANDS } from '../../src/cli/command-table.js';
import { HELP_ZH, helpText } from '../../src/cli/help-text.js';
import { runCli } from './run-cli.js';

/** Every help text of every command, as registered (the program's own options included). */
async function allHelpTexts(): Promise<string[]> {
  const program = new Command('qingqun');
  const seen = new Set<unknown>();
  for (const load of Object.values(COMMANDS)) {
    const register = await load();
    if (seen.has(register)) continue;
    seen.add(register);
    register(program, () => {
      throw new Error('no command runs in this test');
    });
  }
  const texts = [
    ...Object.values(COMMAND_SUMMARIES),
    'display help for command',
    'output the version number',
  ];
  for (const command of program.commands) {
    texts.push(command.description());
    for (const option of command.options) texts.push(option.description);
    for (const argument of command.registeredArguments) texts.push(argument.description);
  }
  return texts.filter((t) => t !== '');
}

describe('the help speaks Chinese under zh-CN (issue 15.3)', () => {
  it('has a Chinese entry for every command, option and argument description', async () => {
    const missing = (await allHelpTexts()).filter((text) => !Object.hasOwn(HELP_ZH, text));
    expect(missing).toEqual([]);
    expect(helpText('en', 'display help for command')).toBe('display help for command');
  });

  it('shows the top-level and a command’s help in Chinese, and in English on request', () => {
    const zh = runCli(['--help']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('用法：');
    expect(zh.stdout).toContain('命令：');
    expect(zh.stdout).toContain(HELP_ZH[COMMAND_SUMMARIES.report as string]);
    const report = runCli(['report', '--help']);
    expect(report.stdout).toContain('选项：');
    expect(report.stdout).toContain('（默认："text"）');
    expect(report.stdout).not.toMatch(/\(default: /);
    const en = runCli(['--locale', 'en', 'report', '--help']);
    expect(en.stdout).toContain('Options:');
    expect(en.stdout).toContain('(default: "text")');
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
