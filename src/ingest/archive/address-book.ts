/**
 * A unit's address book (`qingqun roster import FILE.csv`): who is who and where each person can be
 * reached. CSV (UTF-8 or GB18030, as Excel saves it), one row per person, headers in Chinese or
 * English (compared without case, spaces, `_` or `-`):
 *
 *   姓名,单位,微信ID,企业微信UserID,邮箱,角色
 *   李娜,东湖社区,wxid_lina,LiNa,lina@example.gov.cn,群主
 *
 * A row names a person by 微信ID (the id their messages carry in WeChat exports and the bot), else by
 * 企业微信UserID (the id in WeCom's archive), else by a unique stored contact of that name and unit.
 * 角色 is one of 群主/owner, 督查/supervisor, 干部/cadre (informational: ownership comes from the groups,
 * supervisors from org.supervisors); empty is allowed.
 */

import type { AddressBookEntry, AddressBookRole } from '../../store/contacts.js';
import { EMAIL, WECOM_USER_ID } from '../jsonl/interchange-schemas.js';
import { nonEmpty } from './archive-item.js';
import { readCsvFile } from './read-csv-file.js';

export const ADDRESS_BOOK_COLUMNS = {
  name: ['姓名', 'name', '名字'],
  unit: ['单位', 'unit', '部门', '所属单位'],
  wechatId: ['微信ID', '微信id', 'wechat_id', 'wechatid', 'wxid', '微信号'],
  wecomUserId: ['企业微信UserID', 'wecom_user_id', 'wecomuserid', 'userid', '企业微信账号'],
  email: ['邮箱', 'email', '电子邮箱', 'e-mail', 'mail'],
  role: ['角色', 'role'],
} as const;

const ROLES: Record<string, AddressBookRole> = {
  群主: 'owners',
  owner: 'owners',
  督查: 'supervisors',
  督查人: 'supervisors',
  supervisor: 'supervisors',
  干部: 'cadres',
  cadre: 'cadres',
};

export interface AddressBook {
  entries: AddressBookEntry[];
  problems: { line: number; field: string; problem: string }[];
  lines: number;
}

const norm = (h: string) => h.toLowerCase().replace(/[\s_-]/g, '');

export async function readAddressBook(file: string): Promise<AddressBook> {
  const book: AddressBook = { entries: [], problems: [], lines: 0 };
  let cols: Partial<Record<keyof typeof ADDRESS_BOOK_COLUMNS, string>> | null = null;
  const info = await readCsvFile(file, (r) => {
    if ('problem' in r) {
      book.problems.push({ line: r.line, field: 'line', problem: r.problem });
      return;
    }
    if (!cols) {
      const found: Partial<Record<keyof typeof ADDRESS_BOOK_COLUMNS, string>> = {};
      for (const [key, names] of Object.entries(ADDRESS_BOOK_COLUMNS)) {
        const header = Object.keys(r.row).find((h) =>
          (names as readonly string[]).some((n) => norm(n) === norm(h)),
        );
        if (header !== undefined) found[key as keyof typeof ADDRESS_BOOK_COLUMNS] = header;
      }
      cols = found;
    }
    const c = cols;
    const get = (key: keyof typeof ADDRESS_BOOK_COLUMNS) => (c[key] ? nonEmpty(r.row[c[key]]) : null);
    const problem = (field: keyof typeof ADDRESS_BOOK_COLUMNS, text: string) =>
      book.problems.push({ line: r.line, field: c[field] ?? ADDRESS_BOOK_COLUMNS[field][0], problem: text });
    const name = get('name');
    if (!name) return problem('name', 'required');
    const email = get('email');
    if (email && !EMAIL.test(email)) return problem('email', `not an email address: "${email}"`);
    const wecomUserId = get('wecomUserId');
    if (wecomUserId && !WECOM_USER_ID.test(wecomUserId)) {
      return problem('wecomUserId', `not a WeCom user id (1–64 letters, digits, _-.@): "${wecomUserId}"`);
    }
    const roleText = get('role');
    const role = roleText ? (ROLES[roleText.toLowerCase()] ?? null) : null;
    if (roleText && role === null) {
      return problem('role', `unknown role "${roleText}" (expected 群主, 督查 or 干部)`);
    }
    book.entries.push({
      line: r.line,
      name,
      unit: get('unit'),
      wechatId: get('wechatId'),
      wecomUserId,
      email,
      role,
    });
  });
  book.lines = info.lines;
  return book;
}
