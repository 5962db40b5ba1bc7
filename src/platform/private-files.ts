/**
 * Files and directories qingqun creates for itself: private by default (files 0600, directories
 * 0700, whatever the umask), created without the loops and races of the obvious calls, and failing
 * with Node-style errors (`code`, `syscall`, `path`) that the CLI turns into one line of advice
 * (src/cli/describe-error.ts).
 *
 * Why not `mkdirSync(path, { recursive: true })`: on Node 20 it loops forever, at 100% CPU, under a
 * pseudo file system that answers ENOENT for a directory it will never create (`/proc/foo`): libuv's
 * mkdir -p retries the child after each EEXIST of the parent. `makeDirectory` walks down from the
 * nearest existing ancestor once and reports the first component it cannot create.
 */
import {
  chmodSync,
  closeSync,
  constants,
  existsSync,
  fchmodSync,
  mkdirSync,
  openSync,
  statSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** An error shaped like Node's system errors, so one mapping serves both. */
export function fileSystemError(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  const error = new Error(`${code}: ${syscall} '${path}'`) as NodeJS.ErrnoException;
  error.code = code;
  error.syscall = syscall;
  error.path = path;
  return error;
}

/**
 * Makes `path` and its missing parents, each new one with `mode` (chmod'ed, so the umask cannot
 * widen or narrow it). An existing directory is left as it is. Throws ENOTDIR when `path` or a
 * parent is a file, and whatever mkdir says (ENOENT, EACCES, EROFS) for the first component it
 * cannot create. Returns the directories it made, outermost first.
 */
export function makeDirectory(path: string, mode = PRIVATE_DIR_MODE): string[] {
  const missing: string[] = [];
  let at = resolve(path);
  for (;;) {
    const stat = statSync(at, { throwIfNoEntry: false });
    if (stat) {
      if (!stat.isDirectory()) throw fileSystemError('ENOTDIR', 'mkdir', at);
      break;
    }
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const dir of missing) {
    mkdirSync(dir, { mode });
    chmodSync(dir, mode);
  }
  return missing;
}

/**
 * Creates a new empty file with `mode` and returns its path; EEXIST when it exists (nothing is
 * ever overwritten), ENOENT when its directory does not exist (directories are not made here: a
 * mistyped output path should fail, not grow a tree).
 */
export function createPrivateFile(path: string, mode = PRIVATE_FILE_MODE): void {
  const fd = openSync(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, mode);
  try {
    // open() applies the umask, which may also strip bits the caller asked for: set them exactly.
    fchmodSync(fd, mode);
  } finally {
    closeSync(fd);
  }
}

/** Restricts an existing file to its owner when it exists (e.g. SQLite's -wal and -shm). */
export function restrictToOwner(path: string): void {
  if (!existsSync(path)) return;
  const { mode } = statSync(path);
  if ((mode & 0o077) !== 0) chmodSync(path, mode & 0o700);
}

/** The permission bits of `path`, or null when it does not exist. */
export function permissionBits(path: string): number | null {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat ? stat.mode & 0o777 : null;
}

/** Whether the directory `path` would be created in exists (as a directory). */
export function parentDirectoryExists(path: string): boolean {
  const stat = statSync(dirname(resolve(path)), { throwIfNoEntry: false });
  return stat?.isDirectory() ?? false;
}
