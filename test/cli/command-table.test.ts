import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMAND_SUMMARIES, COMMANDS, commandsFor } from '../../src/cli/command-table.js';

const ALL = Object.keys(COMMANDS);

describe('commandsFor', () => {
  it.each([
    [[], ALL],
    [['import', 'a.jsonl'], ['import']],
    [['--db', 'import', 'stats'], ['stats']],
    [['--db=x.sqlite', 'report', '--week', '2026-W47'], ['report']],
    [['--locale', 'en', '--log-level', 'debug', 'serve-webhook', '--port', '1'], ['serve-webhook']],
    [['start', 'import'], ['start']],
    [['--help'], ALL],
    [['imprt'], ALL],
    [['toString'], ALL],
    [['--db'], ALL],
  ])('%j → %j', (args, expected) => {
    expect(commandsFor(args)).toEqual(expected);
  });
});

describe('COMMANDS', () => {
  it('loads, for each name, a module that registers a command of that name', async () => {
    for (const [name, load] of Object.entries(COMMANDS)) {
      const program = new Command('qingqun');
      (await load())(program, () => {
        throw new Error('no command runs in this test');
      });
      expect(
        program.commands.map((c) => c.name()),
        name,
      ).toContain(name);
    }
  });

  it('lists each command in the light help with the description its module gives it', async () => {
    expect(Object.keys(COMMAND_SUMMARIES).sort()).toEqual(ALL.slice().sort());
    for (const [name, load] of Object.entries(COMMANDS)) {
      const program = new Command('qingqun');
      (await load())(program, () => {
        throw new Error('no command runs in this test');
      });
      const command = program.commands.find((c) => c.name() === name);
      expect(command?.description(), name).toBe(COMMAND_SUMMARIES[name]);
    }
  });
});
