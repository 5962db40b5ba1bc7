import type { Command } from 'commander';
import { isPostgresUrl } from '../../config/db-target.js';
import { readAddressBook } from '../../ingest/archive/address-book.js';
import type { AddressBookOutcome } from '../../store/contacts.js';
import { importAddressBookPg } from '../../store/postgres/pg-contacts.js';
import { PgDatabase } from '../../store/postgres/pg-database.js';
import { Store } from '../../store/store.js';
import type { CliContext } from '../cli-context.js';

const TEXT = {
  'zh-CN': {
    summary: (a: number, u: number, s: number, p: number) =>
      `通讯录：新增 ${a} 人，更新 ${u} 人，无变化 ${s} 人，有问题的行 ${p} 行`,
    channels: (e: number, w: number) => `有邮箱 ${e} 人，有企业微信 UserID ${w} 人`,
    notSupervisor: (name: string, id: string) =>
      `提示：${name}（${id}）标为督查，但不在 org.supervisors 中，不会收到督查周报`,
  },
  en: {
    summary: (a: number, u: number, s: number, p: number) =>
      `address book: ${a} added, ${u} updated, ${s} unchanged, ${p} row(s) with problems`,
    channels: (e: number, w: number) => `${e} with an email address, ${w} with a WeCom user id`,
    notSupervisor: (name: string, id: string) =>
      `note: ${name} (${id}) is marked supervisor but is not in org.supervisors: no audit goes to them`,
  },
};

/**
 * `qingqun roster import FILE.csv`: a unit's address book (names, units, ids, addresses, roles),
 * into a SQLite store or the central PostgreSQL store (the same matching, address-book-import.ts).
 */
export function registerRosterCommand(program: Command, context: () => CliContext): void {
  const roster = program.command('roster').description("a unit's address book: who can be reached where");
  roster
    .command('import')
    .description('import an address book CSV: 姓名, 单位, 微信ID, 企业微信UserID, 邮箱, 角色')
    .argument('<file>', 'CSV file (UTF-8 or GB18030)')
    .action(async (file: string) => {
      const { config, out } = context();
      const t = TEXT[config.locale];
      const book = await readAddressBook(file);
      let result: AddressBookOutcome;
      if (isPostgresUrl(config.db)) {
        // The central store: its contacts' addresses are what central sending (send --drain) uses.
        const db = await PgDatabase.open(config.db, { mustExist: true });
        try {
          result = await importAddressBookPg(db, book.entries);
        } finally {
          await db.close();
        }
      } else {
        const store = new Store(config.db);
        try {
          result = store.contacts.importAddressBook(book.entries);
        } finally {
          store.close();
        }
      }
      const problems = [...book.problems, ...result.problems].sort((a, b) => a.line - b.line);
      out(t.summary(result.added, result.updated, result.unchanged, problems.length));
      const imported = book.entries.filter((e) => result.ids.has(e.line));
      out(t.channels(imported.filter((e) => e.email).length, imported.filter((e) => e.wecomUserId).length));
      const supervisors = new Set(config.org.supervisors.map((s) => s.id));
      for (const e of imported) {
        const id = result.ids.get(e.line) as string;
        if (e.role === 'supervisors' && !supervisors.has(id)) out(t.notSupervisor(e.name, id));
      }
      for (const p of problems.slice(0, 50)) out(`${file}:${p.line}: ${p.field}: ${p.problem}`);
      if (problems.length > 50) out(`… ${problems.length - 50} more`);
      if (problems.length > 0) process.exitCode = 1;
    });
}
