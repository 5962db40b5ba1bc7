import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/cli-context.js';
import { registerForgetCommand } from '../../src/cli/commands/forget-command.js';
import { registerPurgeCommand } from '../../src/cli/commands/purge-command.js';
import { configSchema } from '../../src/config/schema.js';
import { createLogger } from '../../src/logging/create-logger.js';
import type { Locale } from '../../src/model/locale.js';
import { Store } from '../../src/store/store.js';
import { messageInput } from '../fixtures/temp-store.js';
import { memberStore } from '../store/member-privacy-fixture.js';

const open: Store[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/** Runs `qingqun ARGS` in process with only the privacy commands, against the database at `db`. */
async function run(db: string, args: string[], locale: Locale = 'en') {
  const lines: string[] = [];
  const context: CliContext = {
    config: configSchema.parse({ db, locale }),
    log: createLogger('silent'),
    out: (text) => lines.push(text),
  };
  const program = new Command('qingqun').exitOverride();
  registerPurgeCommand(program, () => context);
  registerForgetCommand(program, () => context);
  await program.parseAsync(['node', 'qingqun', ...args]);
  return lines.join('\n');
}

/** The fixture's database, closed so the command opens it as the CLI would. */
function database(): string {
  const s = memberStore();
  // A message a year and a half old: retention deletes it.
  s.messages.insert(messageInput({ id: 'old', groupId: 'g-1', time: Date.now() - 550 * 86_400_000 }));
  s.close();
  return s.path;
}

const count = (path: string, sql: string) => {
  const s = new Store(path);
  open.push(s);
  return s.db.prepare(sql).pluck().get();
};

describe('qingqun purge', () => {
  it('--dry-run counts and deletes nothing; without it, deletes', async () => {
    const db = database();
    expect(await run(db, ['purge', '--dry-run'])).toMatch(/^Dry run[\s\S]*messages deleted: 1$/m);
    expect(count(db, "SELECT COUNT(*) FROM messages WHERE source_id = 'old'")).toBe(1);
    expect(await run(db, ['purge'], 'zh-CN')).toMatch(/已按保存期限清理[\s\S]*删除过期消息：1 条/);
    expect(count(db, "SELECT COUNT(*) FROM messages WHERE source_id = 'old'")).toBe(0);
  });
});

describe('qingqun forget', () => {
  it('shows what is stored, forgets only without --dry-run, and says when nothing is stored', async () => {
    const db = database();
    expect(await run(db, ['forget', 'u-lina', '--dry-run'])).toMatch(
      /Stored about u-lina: 2 groups, 4 messages[\s\S]*Dry run/,
    );
    expect(count(db, "SELECT COUNT(*) FROM messages WHERE sender_id = 'u-lina'")).toBe(4);
    expect(await run(db, ['forget', 'u-lina'])).toMatch(/Forgotten: 4 messages kept as anonymous counts/);
    expect(count(db, "SELECT COUNT(*) FROM messages WHERE sender_id = 'u-lina'")).toBe(0);
    expect(await run(db, ['forget', 'u-wang'], 'zh-CN')).toMatch(/仍是 1 个群的群主/);
    expect(await run(db, ['forget', 'u-nobody'])).toBe('Nothing is stored about u-nobody.');
  });
});
