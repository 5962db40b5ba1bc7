import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { CommanderError } from 'commander';
import { ConfigError } from '../config/config-error.js';
import type { Locale } from '../model/locale.js';
import { StoreError, type StoreProblem } from '../store/store-error.js';
import { CliError, EXIT, type ExitCode } from './cli-error.js';
import { type MessageId, message } from './messages.js';

export interface ErrorLine {
  /** One line, without the `qingqun: ` prefix. */
  line: string;
  exitCode: ExitCode;
  /** True when this is a bug: the stack is worth printing under QINGQUN_DEBUG=1. */
  internal: boolean;
}

/**
 * The one place that turns a thrown error into the operator's line and exit code (grammY's
 * BotError, Probot's error handler: errors carry their context, one handler explains them).
 * Understood, in this order: CliError (commands), ConfigError (configuration), CommanderError
 * (command line), StoreError (database, by problem, then by cause), Node's system errors (`code`,
 * `syscall`, `path`, `port`), SQLite's errors. Anything else is a bug, said as such: a RangeError
 * or TypeError deep inside is not the operator's mistake.
 */
export function describeError(error: unknown, locale: Locale, context: { db?: string } = {}): ErrorLine {
  const say = <K extends MessageId>(exitCode: ExitCode, id: K, params: Parameters<typeof message<K>>[2]) => ({
    line: message(locale, id, params),
    exitCode,
    internal: exitCode === EXIT.internal,
  });
  if (error instanceof CliError) return say(error.exitCode, error.id, error.params);
  if (error instanceof ConfigError) {
    // The loader lists every bad key on its own line under a heading; one line here.
    const lines = error.message
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    const detail = (lines.length > 1 && lines[0]?.endsWith(':') ? lines.slice(1) : lines).join('; ');
    return say(EXIT.usage, 'config', { detail });
  }
  if (error instanceof CommanderError) return describeCommanderError(error, locale);
  if (error instanceof StoreError) {
    const byProblem = STORE_PROBLEMS[error.problem];
    if (byProblem) return say(EXIT.failure, byProblem, { path: error.path });
    const cause = describeCause(error.cause, locale, error.path);
    if (cause) return cause;
    return say(EXIT.failure, 'dbOpen', { path: error.path, detail: firstLine(error.cause ?? error) });
  }
  const system = describeCause(error, locale, context.db);
  if (system) return system;
  return say(EXIT.internal, 'internal', { detail: firstLine(error) });
}

const STORE_PROBLEMS: Partial<Record<StoreProblem, MessageId & `${string}`>> = {
  missing: 'dbMissing',
  notFile: 'dbNotFile',
  notDatabase: 'dbNotDatabase',
  notQingqun: 'dbNotQingqun',
  empty: 'dbEmpty',
  newerSchema: 'dbNewer',
  needsUpgrade: 'dbNeedsUpgrade',
  readOnlyWal: 'dbReadOnlyWal',
  exists: 'backupExists',
};

/** Node system errors and SQLite errors, which carry their own context. Null for anything else. */
function describeCause(error: unknown, locale: Locale, db: string | undefined): ErrorLine | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as NodeJS.ErrnoException & { address?: string; port?: number };
  const line = (id: MessageId, params: Record<string, string | number>): ErrorLine => ({
    line: (message as (l: Locale, i: MessageId, p: unknown) => string)(locale, id, params),
    exitCode: EXIT.failure,
    internal: false,
  });
  if (typeof e.code !== 'string') return null;
  if (e.syscall === 'listen' || e.syscall === 'bind') {
    const address = e.address ?? '';
    if (e.code === 'EADDRINUSE')
      return line('portInUse', { address: `${address}:${e.port ?? ''}`, port: e.port ?? '' });
    if (e.code === 'EADDRNOTAVAIL') return line('addressUnavailable', { address });
    if (e.code === 'EACCES') return line('portNotAllowed', { port: e.port ?? '' });
  }
  if (e.code === 'ENOTFOUND' && e.syscall === 'getaddrinfo') {
    return line('addressUnavailable', { address: (e as { hostname?: string }).hostname ?? '' });
  }
  if (e.code === 'ERR_MODULE_NOT_FOUND') {
    const name = /Cannot find (?:package|module) '([^']+)'/.exec(e.message)?.[1];
    if (name && /puppet/.test(name)) return line('puppetNotInstalled', { name });
    return null;
  }
  if (e.code.startsWith('SQLITE_')) {
    const path = db ?? '';
    if (e.code.startsWith('SQLITE_BUSY') || e.code.startsWith('SQLITE_LOCKED'))
      return line('dbBusy', { path });
    if (e.code.startsWith('SQLITE_CORRUPT')) return line('dbCorrupt', { path });
    if (e.code === 'SQLITE_NOTADB') return line('dbNotDatabase', { path });
    if (e.code === 'SQLITE_FULL') return line('diskFull', { path });
    if (e.code === 'SQLITE_READONLY_DIRECTORY') return line('dbReadOnlyWal', { path });
    if (e.code.startsWith('SQLITE_READONLY') || e.code.startsWith('SQLITE_PERM')) {
      return line('dbReadOnly', { path });
    }
    if (e.code.startsWith('SQLITE_CANTOPEN') || e.code.startsWith('SQLITE_IOERR')) {
      return line('dbOpen', { path, detail: e.message });
    }
    return null;
  }
  const path = e.path ?? (e as { dest?: string }).dest;
  if (path === undefined) return null;
  switch (e.code) {
    case 'ENOENT':
      if (e.syscall === 'open' || e.syscall === 'mkdir') {
        // The directory may exist and still refuse (a pseudo file system such as /proc).
        const dir = dirname(path);
        return line(existsSync(dir) ? 'cannotCreate' : 'parentMissing', { path, dir });
      }
      return line('notFound', { path });
    case 'EEXIST':
      return line('exists', { path });
    case 'ENOTDIR':
      return line('notDirectory', { path });
    case 'EISDIR':
      return line('isDirectory', { path });
    case 'EACCES':
    case 'EPERM':
      return line('permission', { path });
    case 'EROFS':
      return line('readOnly', { path });
    case 'ENOSPC':
    case 'EDQUOT':
      return line('diskFull', { path });
    default:
      return line('fileSystem', { path, code: e.code });
  }
}

/** Commander's own errors (English, with the names in quotes), in the catalogue's words. */
function describeCommanderError(error: CommanderError, locale: Locale): ErrorLine {
  const text = error.message.replace(/^error: /, '');
  const quoted = [...text.matchAll(/'([^']+)'/g)].map((m) => m[1] as string);
  const hint = /Did you mean (?:one of )?([^?]+)\?/.exec(text)?.[1]?.trim() ?? '';
  const name = quoted[0] ?? '';
  const usage = (id: MessageId, params: Record<string, string>): ErrorLine => ({
    line: (message as (l: Locale, i: MessageId, p: unknown) => string)(locale, id, params),
    exitCode: EXIT.usage,
    internal: false,
  });
  switch (error.code) {
    case 'commander.unknownCommand':
      return usage('unknownCommand', { name, hint });
    case 'commander.unknownOption':
      return usage('unknownOption', { name, hint });
    case 'commander.missingArgument':
      return usage('missingArgument', { name });
    case 'commander.optionMissingArgument':
      return usage('missingOptionValue', { name });
    case 'commander.missingMandatoryOptionValue':
      return usage('missingOption', { name });
    case 'commander.excessArguments':
      return usage('excessArguments', { detail: text.replace(/\.$/, '') });
    default:
      return usage('commandLine', { detail: firstLine(text) });
  }
}

function firstLine(value: unknown): string {
  const text = value instanceof Error ? value.message : String(value);
  const line = text.split('\n')[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
