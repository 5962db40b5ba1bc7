import { type Argument, type Command, Help, type Option } from 'commander';
import type { Locale } from '../model/locale.js';

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
  // the program
  '清群 qingqun — measures formalism in WeChat work groups and recommends what to change':
    '清群 qingqun — 度量微信工作群里的形式主义，并建议该改什么',
  'SQLite database file or postgres:// URL of a central store (env QINGQUN_DB, default data/qingqun.sqlite)':
    'SQLite 数据库文件，或中心 PostgreSQL 库的 postgres:// 地址（环境变量 QINGQUN_DB，默认 data/qingqun.sqlite）',
  'local YAML config layered over the defaults (env QINGQUN_CONFIG; config/default.yaml lists them)':
    '本地 YAML 配置，覆盖默认值（环境变量 QINGQUN_CONFIG；默认值见 config/default.yaml）',
  'language of the output: zh-CN or en': '输出语言：zh-CN 或 en',
  'fatal, error, warn, info, debug, trace or silent':
    '日志级别：fatal、error、warn、info、debug、trace 或 silent',
  // commands (COMMAND_SUMMARIES)
  'run the bot: on a simulated organisation unless WECHATY_PUPPET is configured':
    '运行机器人：未配置 WECHATY_PUPPET 时在模拟的单位上运行',
  'import chat data (JSON Lines, WeCom archive, chatlog, WeChatMsg, PyWxDump, ChatLab); bad lines are named':
    '导入聊天数据（JSON Lines、企业微信会话存档、chatlog、WeChatMsg、PyWxDump、ChatLab）；逐条指出有问题的行',
  'write a seeded simulated town office as JSON Lines, with its ground truth beside it':
    '按随机种子生成一个模拟镇政府的消息（JSON Lines），旁边附上标准答案',
  'show what is stored: groups, members, messages per type and week':
    '显示已保存的数据：群、成员、按类型和周统计的消息',
  'the weekly report: volume, duplicates, roll-calls, floods, rushed demands, zombies, overlap':
    '周报：消息量、重复通知、接龙、刷屏、急令、僵尸群、重叠群',
  "each owner's weekly digest: the week in numbers, recommendations with evidence and savings, a chart":
    '每位群主的周报：本周数字、附证据和可节省时间的建议、一张图表',
  "the supervisors' audit: groups per unit and owner, changes, zombies, duplicates, policy breaches":
    '督查审计：各单位和群主的群数、变化、僵尸群、重复通知、违反规定的情况',
  'delete message text and records older than the retention periods (retention.textDays/recordDays)':
    '删除超过保存期限的消息内容和记录（retention.textDays / recordDays）',
  'erase what is stored about a member, keeping anonymous counts only (docs/PRIVACY.md)':
    '删除关于某位成员保存的数据，只保留匿名条数（见 docs/PRIVACY.md）',
  'write a consistent online copy of the database (safe while the bot runs)':
    '在线生成数据库的一致副本（机器人运行时也可安全执行）',
  'check the database: integrity, foreign keys, schema version, row counts, file permissions':
    '检查数据库：完整性、外键、结构版本、行数、文件权限',
  'export stored groups for other tools (ChatLab format v0.0.2, one file per group)':
    '导出已保存的群供其他工具使用（ChatLab v0.0.2 格式，每群一个文件）',
  "the supervisors' read-only web dashboard (login with a token from QINGQUN_DASHBOARD_TOKENS)":
    '督查只读网页看板（用 QINGQUN_DASHBOARD_TOKENS 中的令牌登录）',
  "receive chatlog's webhook POSTs (live data without a bot account); secret from QINGQUN_WEBHOOK_SECRET":
    '接收 chatlog 的 webhook 推送（无需机器人账号的实时数据）；密钥取自 QINGQUN_WEBHOOK_SECRET',
  // options and arguments
  'seed of the simulated organisation': '模拟单位的随机种子',
  'one of wecom, chatlog, wechatmsg, pywxdump, chatlab, roster, jsonl':
    '格式：wecom、chatlog、wechatmsg、pywxdump、chatlab、roster、jsonl 之一',
  'a roster file (CSV or YAML) with group members and owners; repeat for several':
    '花名册文件（CSV 或 YAML），列出群成员和群主；多个文件请重复此选项',
  'the exporting account’s own contact id, for exports that only say "me"':
    '导出账号本人的联系人 id，用于只写“我”的导出文件',
  'files to import (format detected unless --format)': '要导入的文件（未给 --format 时自动识别格式）',
  'random seed (same seed, same output)': '随机种子（种子相同，输出相同）',
  'number of work groups (default 24)': '工作群数量（默认 24）',
  'number of cadres (default 5 per group)': '干部人数（默认每群 5 人）',
  'number of ISO weeks': 'ISO 周数',
  'messages in total over all weeks (default about 62.5 per group and week)':
    '所有周的消息总数（默认每群每周约 62.5 条）',
  'local date in the first week (default 2026-10-26)': '第一周中的某个本地日期（默认 2026-10-26）',
  'JSON Lines file to write': '要写入的 JSON Lines 文件',
  'print JSON instead of a table': '输出 JSON 而不是表格',
  'ISO week, e.g. 2026-W47 (default: last week)': 'ISO 周，如 2026-W47（默认：上周）',
  'text, md or json': '格式：text、md 或 json',
  'only this group': '只看这个群',
  "only this owner's digest": '只生成这位群主的周报',
  'print what would be sent instead of queueing it': '只打印将要发送的内容，不排队发送',
  'text or json (with --dry-run)': '格式：text 或 json（配合 --dry-run）',
  'also write each chart as <dir>/<week>-<owner>.png': '同时把每张图表写成 <dir>/<周>-<群主>.png',
  'text, md, csv or json': '格式：text、md、csv 或 json',
  "limit to this configured supervisor's units": '只看配置中这位督查人员负责的单位',
  'limit to these units': '只看这些单位',
  'only count what would be deleted': '只统计将被删除的内容',
  'only show what is stored about them': '只显示保存了此人的哪些数据',
  'the member’s contact id': '成员的联系人 id',
  'the copy to write (must not exist)': '要写入的副本（不能已存在）',
  'text or json': '格式：text 或 json',
  'export format (chatlab)': '导出格式（chatlab）',
  'directory to write': '要写入的目录',
  'only these groups': '只导出这些群',
  'write ChatLab JSONL instead of JSON (for very large groups)':
    '写 ChatLab JSONL 而不是 JSON（适合很大的群）',
  'TCP port (default web.port: 8080; 0 picks a free one)':
    'TCP 端口（默认 web.port：8080；0 表示任选空闲端口）',
  'interface to bind (default web.host: 127.0.0.1)': '监听的地址（默认 web.host：127.0.0.1）',
  'port (default 8090)': '端口（默认 8090）',
  'address to bind (default 127.0.0.1)': '监听的地址（默认 127.0.0.1）',
  'ISO week, e.g. 2026-W47 (default: the latest complete week with data)':
    'ISO 周，如 2026-W47（默认：有数据的最近一个完整周）',
  'queue the audit to every configured supervisor (org.supervisors) instead of printing it':
    '把审计排队发给配置中的每位督查人员（org.supervisors），而不是打印出来',
  'the send queue: list messages, requeue a failed or unconfirmed one, cancel a queued one':
    '发送队列：查看消息、重发失败或未确认的消息、取消尚未发送的消息',
  'list the outbox, oldest first': '列出发送队列，最早的在前',
  'dedupe keys, as `outbox list` shows them': '去重键，即 `outbox list` 显示的键',
  'send a failed, undeliverable or unconfirmed message again': '重发失败、无法送达或未确认的消息',
  'do not send a queued message (it is kept as failed; requeue brings it back)':
    '不发送某条已排队的消息（记为失败；requeue 可恢复）',
  'run unattended without a bot: schedules, email/WeCom sending, chatlog webhook/API and folder import, dashboard, /health':
    '无需机器人无人值守运行：定时任务、邮件/企业微信发送、chatlog webhook/接口与文件夹导入、看板、/health',
  "a unit's address book: who can be reached where": '单位通讯录：每个人可以通过哪里联系到',
  'import an address book CSV: 姓名, 单位, 微信ID, 企业微信UserID, 邮箱, 角色':
    '导入通讯录 CSV：姓名、单位、微信ID、企业微信UserID、邮箱、角色',
  'CSV file (UTF-8 or GB18030)': 'CSV 文件（UTF-8 或 GB18030）',
  'send the queued messages that are due through email / WeCom, then exit':
    '通过邮件/企业微信发送已到期的排队消息，然后退出',
  'send everything due, then exit': '发送所有到期的消息，然后退出',
  "forward this host's new rows to the central PostgreSQL store, then pull its queued digests":
    '把本机新记录的数据上送到中心 PostgreSQL 库，再取回中心为本机账号排队的周报等消息',
  'the central store, postgres://… (default: central.url, env QINGQUN_CENTRAL_URL)':
    '中心库地址 postgres://…（默认取配置 central.url，环境变量 QINGQUN_CENTRAL_URL）',
  "this host's bot account as named centrally (default: central.account)":
    '本机机器人账号在中心库中的名字（默认取配置 central.account）',
  'rows per central transaction (default: central.batchSize)':
    '每个中心事务上送的行数（默认取配置 central.batchSize）',
  'only push; leave centrally queued messages where they are': '只上送；不取回中心排队的消息',
};

const TITLES_ZH: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

/** The translation of one help text; the English text when the catalogue has none. */
export function helpText(locale: Locale, english: string): string {
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
export function localizeHelp(program: Command, locale: Locale): void {
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
