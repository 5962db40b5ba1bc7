/**
 * Every temporary file a test run makes goes under one folder, removed when the run ends. The
 * tests create their folders with `mkdtempSync(join(tmpdir(), …))` (directly or through
 * test/fixtures/temp-store.ts and temp-dir.ts), in worker processes and in the `qingqun` children
 * they spawn; `os.tmpdir()` reads TMPDIR at each call and the workers are forked after this runs,
 * so pointing TMPDIR at a fresh folder here catches them all. Without this a full run left ~200
 * folders (~200 MB) in /tmp.
 *
 * A run that was killed leaves its folder behind: the next run removes folders whose process is gone.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

const PREFIX = 'qingqun-test-run-';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export default function setup(project: TestProject): () => void {
  const base = tmpdir();
  for (const name of readdirSync(base)) {
    const pid = Number(/^qingqun-test-run-(\d+)-/.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) {
      rmSync(join(base, name), { recursive: true, force: true });
    }
  }
  const root = mkdtempSync(join(base, `${PREFIX}${process.pid}-`));
  // Like /tmp itself: the read-only storage tests run `qingqun` as an unprivileged user, who must be
  // able to reach the folders they make below this one (mkdtemp makes it 0700).
  chmodSync(root, 0o1777);
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  // Workers take their environment from the config (`test.env`), applied before each test file.
  project.config.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
