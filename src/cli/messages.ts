/**
 * The CLI's message catalogue: every error line the command line prints, in each language
 * (docs/COMMANDS.md, "Exit codes and messages"). One entry per kind of problem, taking the
 * context the error carries (a path, a flag, a port). A line says what is wrong and what to do,
 * without a stack trace; `qingqun: ` is prefixed when printed.
 *
 * To add a message: add it to `zh` (the type of the catalogue follows from it), then to `en` with
 * the same parameters; tsc refuses a missing translation.
 */
import type { Locale } from '../model/locale.js';

type Params = Record<string, string | number>;

const zh = {
  // Usage (exit 2): the command line itself is wrong.
  badOption: (p: { flag: string; expected: string; got: string }) =>
    `${p.flag} 的值不对：应为 ${p.expected}，收到 "${p.got}"`,
  badWeek: (p: { flag: string; got: string }) =>
    `${p.flag} 的值不对：应为 ISO 周，如 2026-W47，收到 "${p.got}"`,
  badValue: (p: { detail: string }) => `参数不对：${p.detail}`,
  config: (p: { detail: string }) => `配置有误：${p.detail}`,
  unknownCommand: (p: { name: string; hint: string }) =>
    `没有 ${p.name} 这个命令${p.hint ? `（是不是 ${p.hint}？）` : ''}；qingqun --help 列出全部命令`,
  unknownOption: (p: { name: string; hint: string }) =>
    `不认识选项 ${p.name}${p.hint ? `（是不是 ${p.hint}？）` : ''}；用法见 --help`,
  missingArgument: (p: { name: string }) => `缺少参数 <${p.name}>；用法见 --help`,
  missingOptionValue: (p: { name: string }) => `选项 ${p.name} 缺少取值；用法见 --help`,
  missingOption: (p: { name: string }) => `缺少必需的选项 ${p.name}；用法见 --help`,
  excessArguments: (p: { detail: string }) => `参数太多（${p.detail}）；用法见 --help`,
  commandLine: (p: { detail: string }) => `命令行有误：${p.detail}；用法见 --help`,
  unknownOwner: (p: { owner: string; db: string }) => `--owner：${p.db} 中 ${p.owner} 不是任何群的群主`,
  unknownGroup: (p: { group: string; db: string }) => `--group：${p.db} 中没有群 ${p.group}`,
  unknownSupervisor: (p: { detail: string }) => `--supervisor：${p.detail}（见配置 org.supervisors）`,

  // Failures (exit 1): the command is right, the world is not as it needs to be.
  dbMissing: (p: { path: string }) =>
    `没有数据库 ${p.path}：请检查 --db 或 QINGQUN_DB；还没有数据时先运行 qingqun start 或 qingqun import（未创建任何文件）`,
  dbNotFile: (p: { path: string }) =>
    `${p.path} 不是数据库文件（是目录或设备）：--db 应指向一个 .sqlite 文件`,
  dbNotDatabase: (p: { path: string }) => `${p.path} 不是 SQLite 数据库（或文件头已损坏）：请检查 --db`,
  dbNotQingqun: (p: { path: string }) => `${p.path} 是别的程序的 SQLite 数据库，不是清群的；未做任何改动`,
  dbEmpty: (p: { path: string }) => `数据库 ${p.path} 是空的：先运行 qingqun start 或 qingqun import`,
  dbNewer: (p: { path: string }) => `数据库 ${p.path} 由更新版本的清群写入：请升级 qingqun`,
  dbPostgresUnsupported: (p: { path: string }) =>
    `此命令暂不支持 PostgreSQL 数据库（${p.path}）：支持的有 import、report、stats、purge、forget、doctor、export、serve、audit、digest、send、outbox list、roster import；其他命令请用 SQLite 文件作 --db（未做任何更改）`,
  dbNeedsUpgrade: (p: { path: string }) =>
    `数据库 ${p.path} 需要升级结构，这需要一次写权限：请用有写权限的账号运行一次任意命令（如 qingqun doctor）`,
  dbReadOnlyWal: (p: { path: string }) =>
    `数据库 ${p.path} 所在目录只读，而它的 WAL 模式需要在旁边建立 -shm 文件（-wal 中还有未写入主文件的更改，或文件太大无法整体读入内存）：请给运行清群的账号该目录的写权限，或用 qingqun backup 生成的副本（可在只读位置打开）`,
  dbReadOnly: (p: { path: string }) =>
    `数据库 ${p.path} 不能写入（没有写权限，或在只读文件系统上），而这个命令需要写入：请用有写权限的账号运行`,
  dbBusy: (p: { path: string }) => `数据库 ${p.path} 正被其他进程长时间锁定：稍后再试`,
  dbCorrupt: (p: { path: string }) => `数据库 ${p.path} 已损坏：运行 qingqun doctor 检查，并从备份恢复`,
  dbOpen: (p: { path: string; detail: string }) => `无法打开数据库 ${p.path}：${p.detail}`,
  backupExists: (p: { path: string }) => `备份目标 ${p.path} 已存在：不会覆盖，请换一个文件名`,
  notFound: (p: { path: string }) => `${p.path} 不存在（或它所在的目录不存在）`,
  exists: (p: { path: string }) => `${p.path} 已存在：不会覆盖`,
  notDirectory: (p: { path: string }) => `${p.path} 不是目录（是已有的文件）：请指定一个目录`,
  isDirectory: (p: { path: string }) => `${p.path} 是目录：这里需要一个文件`,
  parentMissing: (p: { path: string; dir: string }) => `无法写入 ${p.path}：目录 ${p.dir} 不存在`,
  cannotCreate: (p: { path: string; dir: string }) => `无法在 ${p.dir} 中创建 ${p.path}：请换一个位置`,
  permission: (p: { path: string }) => `没有权限访问 ${p.path}：请检查文件和目录的权限`,
  readOnly: (p: { path: string }) => `${p.path} 所在的文件系统是只读的`,
  diskFull: (p: { path: string }) => `磁盘空间不足，无法写入 ${p.path}`,
  fileSystem: (p: { path: string; code: string }) => `无法访问 ${p.path}（${p.code}）`,
  portInUse: (p: { address: string; port: number | string }) =>
    `端口 ${p.port} 已被占用（${p.address}）：用 --port 换一个端口，或先停止占用它的程序`,
  addressUnavailable: (p: { address: string }) => `本机没有地址 ${p.address}：请检查 --host`,
  portNotAllowed: (p: { port: number | string }) => `没有权限监听端口 ${p.port}：请用 1024 以上的端口`,
  puppetNotInstalled: (p: { name: string }) =>
    `未安装 WECHATY_PUPPET 指定的 ${p.name}：请先 npm install ${p.name}，或检查拼写`,
  puppetNoToken: (p: { name: string }) => `${p.name} 需要令牌：请在 .env 中设置 WECHATY_PUPPET_SERVICE_TOKEN`,
  noCentralUrl: () =>
    'ship 需要中心库地址：请用 --to postgres://… 或配置 central.url（环境变量 QINGQUN_CENTRAL_URL）',
  noCentralAccount: () => 'ship 需要本机的账号名：请用 --account 或配置 central.account',
  centralUnreachable: (p: { url: string; detail: string }) =>
    `无法连接中心库 ${p.url}：${p.detail}（本机记录不受影响，下次上送会从断点继续）`,
  centralRefused: (p: { url: string; detail: string }) =>
    `中心库 ${p.url} 拒绝了上送：${p.detail}（请检查账号权限和 search_path；已提交的批次保留，下次从断点继续）`,
  shipBusy: (p: { account: string }) => `账号 ${p.account} 的上送正在另一个进程中进行：等它结束后再试`,
  // A postgres:// --db given to a command that has no meaning on the central store (exit 2): what to
  // do instead, naming the command.
  pgRecorder: (p: { command: string; db: string }) =>
    `${p.command} 在本机记录，不能直接写中心库 ${p.db}：请用本机的 SQLite 文件作 --db（机器人的本地暂存库），并配置 central.url 让它按时上送到中心库（或运行 qingqun ship）`,
  pgBackup: (p: { db: string; schema: string }) =>
    `backup 只复制 SQLite 文件；中心库 ${p.db} 请用 PostgreSQL 自己的工具备份：pg_dump -n ${p.schema} -Fc -f qingqun.dump <数据库地址，不带 ?schema=>`,
  pgOutboxChange: (p: { command: string; spool: string }) =>
    `中心库的发件箱在这里只读：${p.command} 请对实际发送的那一处运行——邮件/企业微信在中心发送缓存（qingqun outbox ${p.command} --db ${p.spool} …），微信在拉取它的主机的本地库`,

  // Bugs (exit 70): never the operator's fault.
  internal: (p: { detail: string }) =>
    `内部错误（程序缺陷，不是操作问题）：${p.detail}。设置 QINGQUN_DEBUG=1 再运行一次可看到调用栈，请附在问题报告中`,
} satisfies Record<string, (p: never) => string>;

export type Messages = typeof zh;
export type MessageId = keyof Messages;
export type MessageParams<K extends MessageId> = Parameters<Messages[K]>[0] extends undefined
  ? Params
  : Parameters<Messages[K]>[0];

const en: Messages = {
  badOption: (p) => `${p.flag}: expected ${p.expected}, got "${p.got}"`,
  badWeek: (p) => `${p.flag}: expected an ISO week like 2026-W47, got "${p.got}"`,
  badValue: (p) => `bad value: ${p.detail}`,
  config: (p) => `invalid configuration: ${p.detail}`,
  unknownCommand: (p) =>
    `unknown command ${p.name}${p.hint ? ` (did you mean ${p.hint}?)` : ''}; qingqun --help lists them all`,
  unknownOption: (p) => `unknown option ${p.name}${p.hint ? ` (did you mean ${p.hint}?)` : ''}; see --help`,
  missingArgument: (p) => `missing argument <${p.name}>; see --help`,
  missingOptionValue: (p) => `option ${p.name} needs a value; see --help`,
  missingOption: (p) => `required option ${p.name} is missing; see --help`,
  excessArguments: (p) => `too many arguments (${p.detail}); see --help`,
  commandLine: (p) => `bad command line: ${p.detail}; see --help`,
  unknownOwner: (p) => `--owner: "${p.owner}" owns no group in ${p.db}`,
  unknownGroup: (p) => `--group: no group "${p.group}" in ${p.db}`,
  unknownSupervisor: (p) => `--supervisor: ${p.detail} (see org.supervisors)`,

  dbMissing: (p) =>
    `no database at ${p.path}: check --db or QINGQUN_DB; with no data yet, run qingqun start or qingqun import first (nothing was created)`,
  dbNotFile: (p) => `${p.path} is not a database file (a directory or a device): --db names a .sqlite file`,
  dbNotDatabase: (p) => `${p.path} is not a SQLite database (or its header is damaged): check --db`,
  dbNotQingqun: (p) => `${p.path} is another program's SQLite database, not qingqun's; nothing was changed`,
  dbEmpty: (p) => `the database ${p.path} is empty: run qingqun start or qingqun import first`,
  dbNewer: (p) => `the database ${p.path} was written by a newer qingqun: upgrade qingqun`,
  dbPostgresUnsupported: (p) =>
    `this command does not support a PostgreSQL database yet (${p.path}): import, report, stats, purge, forget, doctor, export, serve, audit, digest, send, outbox list and roster import do; use a SQLite file as --db for the others (nothing was changed)`,
  dbNeedsUpgrade: (p) =>
    `the database ${p.path} needs a schema upgrade, which needs write access once: run any command (e.g. qingqun doctor) as a user who can write it`,
  dbReadOnlyWal: (p) =>
    `the database ${p.path} is in a read-only directory and its WAL mode needs to create a -shm file beside it (its -wal holds changes not yet in the file, or it is too large to read into memory): let qingqun's user write the directory, or open a copy made by qingqun backup (it opens read-only anywhere)`,
  dbReadOnly: (p) =>
    `the database ${p.path} cannot be written (no write permission, or a read-only file system) and this command writes: run it as a user who can write it`,
  dbBusy: (p) => `the database ${p.path} is locked by another process for too long: try again later`,
  dbCorrupt: (p) => `the database ${p.path} is damaged: run qingqun doctor and restore from a backup`,
  dbOpen: (p) => `cannot open the database ${p.path}: ${p.detail}`,
  backupExists: (p) => `the backup target ${p.path} exists: nothing is overwritten, choose another name`,
  notFound: (p) => `${p.path} does not exist (or its directory does not)`,
  exists: (p) => `${p.path} exists: nothing is overwritten`,
  notDirectory: (p) => `${p.path} is not a directory (it is a file): name a directory`,
  isDirectory: (p) => `${p.path} is a directory: a file is needed here`,
  parentMissing: (p) => `cannot write ${p.path}: the directory ${p.dir} does not exist`,
  cannotCreate: (p) => `cannot create ${p.path} in ${p.dir}: choose another place`,
  permission: (p) => `permission denied: ${p.path}; check the file's and directory's permissions`,
  readOnly: (p) => `${p.path} is on a read-only file system`,
  diskFull: (p) => `no space left on the device to write ${p.path}`,
  fileSystem: (p) => `cannot access ${p.path} (${p.code})`,
  portInUse: (p) =>
    `port ${p.port} is in use (${p.address}): choose another with --port or stop what holds it`,
  addressUnavailable: (p) => `this machine has no address ${p.address}: check --host`,
  portNotAllowed: (p) => `not allowed to listen on port ${p.port}: use a port above 1023`,
  puppetNotInstalled: (p) =>
    `${p.name}, named by WECHATY_PUPPET, is not installed: npm install ${p.name}, or check the spelling`,
  puppetNoToken: (p) => `${p.name} needs a token: set WECHATY_PUPPET_SERVICE_TOKEN in .env`,
  noCentralUrl: () =>
    'ship needs the central store: give --to postgres://… or configure central.url (env QINGQUN_CENTRAL_URL)',
  noCentralAccount: () => "ship needs this host's account name: give --account or configure central.account",
  centralUnreachable: (p) =>
    `cannot reach the central store ${p.url}: ${p.detail} (recording here is unaffected; the next ship resumes where this one stopped)`,
  centralRefused: (p) =>
    `the central store ${p.url} refused the shipment: ${p.detail} (check the role's rights and search_path; committed batches stay, the next ship resumes)`,
  shipBusy: (p) => `a ship of account ${p.account} is running in another process: try again when it is done`,
  pgRecorder: (p) =>
    `${p.command} records locally and cannot write the central store ${p.db} directly: give --db a local SQLite file (the bot's spool) and set central.url so that it ships to the central store on its own (or run qingqun ship)`,
  pgBackup: (p) =>
    `backup copies a SQLite file; back up the central store ${p.db} with PostgreSQL's own tools: pg_dump -n ${p.schema} -Fc -f qingqun.dump <the database URL without ?schema=>`,
  pgOutboxChange: (p) =>
    `the central outbox is read-only here: run ${p.command} where the message is sent — email/WeCom in the central send spool (qingqun outbox ${p.command} --db ${p.spool} …), WeChat in the spool of the host that pulled it`,

  internal: (p) =>
    `internal error (a bug, not an operator mistake): ${p.detail}. Run again with QINGQUN_DEBUG=1 to see the stack and include it in a bug report`,
};

export const MESSAGES: Record<Locale, Messages> = { 'zh-CN': zh, en };

/** The line for message `id` in `locale`. */
export function message<K extends MessageId>(locale: Locale, id: K, params: MessageParams<K>): string {
  return (MESSAGES[locale][id] as (p: MessageParams<K>) => string)(params);
}
