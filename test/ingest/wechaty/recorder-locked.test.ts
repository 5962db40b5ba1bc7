import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type payloads, types } from 'wechaty';
import { type RecordingBot, startRecordingBot } from './recording-bot.js';

/**
 * A database locked longer than the recorder's busy timeout (5 s) — by another process, as a long
 * purge, forget, import, VACUUM or backup would — must not cost a live message: real puppets do not
 * replay. Real Wechaty, the simulation puppet, a real second process holding the write lock.
 */
const ROOM = 'g-dangjian@chatroom';
const T0 = Date.parse('2026-11-17T09:12:05+08:00');

let rb: RecordingBot;
let locker: ChildProcess | undefined;

beforeEach(async () => {
  rb = await startRecordingBot();
  const { mocker, bot } = rb;
  const me = mocker.createContact({ id: 'qingqun-bot', name: 'qingqun' });
  mocker.createContact({ id: 'u-wang', name: '王军' });
  mocker.createContact({ id: 'u-li', name: '李娜' });
  mocker.createRoom({ id: ROOM, topic: '街道党建工作群', memberIdList: ['qingqun-bot', 'u-wang', 'u-li'] });
  await new Promise<void>((resolve) => {
    bot.once('login', () => resolve());
    mocker.login(me);
  });
});

afterEach(async () => {
  locker?.kill('SIGKILL');
  locker = undefined;
  await rb.stop();
});

function emit(id: string, over: Partial<payloads.Message> = {}) {
  rb.mocker.MessageMock.create({
    id,
    talkerId: 'u-wang',
    roomId: ROOM,
    type: types.Message.Text,
    text: `第${id}条`,
    timestamp: T0,
    ...over,
  } as payloads.Message);
  rb.puppet.emit('message', { messageId: id });
}

/** Another process takes the write lock (BEGIN EXCLUSIVE), says so, holds it `ms`, then commits. */
function holdLock(path: string, ms: number): Promise<void> {
  const script = `
    import Database from 'better-sqlite3';
    const db = new Database(${JSON.stringify(path)});
    db.exec('BEGIN EXCLUSIVE');
    db.prepare("INSERT INTO job_schedules (job, first_scheduled_at) VALUES ('lock-test', 0)").run();
    process.stdout.write('locked\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms});
    db.exec('COMMIT');
    db.close();`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  locker = child;
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('locked')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`locker exited early (${code})`)));
  });
}

describe('the recorder under a locked database', () => {
  it('stores every message that arrives during an 8-second lock, in arrival order', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `m-${String(i).padStart(2, '0')}`);
    rb.tally.expect(ids);
    emit(ids[0] as string); // before the lock: the database works
    await new Promise((r) => setTimeout(r, 300));
    const lockedAt = Date.now();
    await holdLock(rb.store.path, 8000);
    // Messages keep arriving through the lock, a few at a time, as in a busy work group.
    for (let i = 1; i < ids.length; i++) {
      emit(ids[i] as string, { timestamp: T0 + i * 1000, talkerId: i % 2 ? 'u-li' : 'u-wang' });
      if (i % 4 === 0) await new Promise((r) => setTimeout(r, 250));
    }
    const settled = await rb.tally.settle(20_000);
    expect(Date.now() - lockedAt).toBeGreaterThan(7000);
    expect(settled).toEqual({
      outcomes: { inserted: 40, duplicate: 0, conflict: 0, skipped: 0, failed: 0 },
      missing: [],
    });
    await rb.recorder.idle();
    const order = rb.store.db.prepare('SELECT source_id FROM messages ORDER BY row_id').pluck().all();
    expect(order).toEqual(ids);
    expect(rb.logs.some((l) => l.msg.startsWith('database locked; holding messages'))).toBe(true);
    expect(rb.logs.filter((l) => l.level === 'error')).toEqual([]);
  }, 60_000);

  it('refuses a message time before WeChat existed or days ahead, and logs it', async () => {
    rb.tally.expect(['ok', 'epoch', 'ahead']);
    emit('ok');
    emit('epoch', { timestamp: 86_400 });
    emit('ahead', { timestamp: Date.now() + 3 * 86_400_000 });
    const settled = await rb.tally.settle(10_000);
    expect(settled.outcomes).toMatchObject({ inserted: 1, failed: 2 });
    expect(rb.store.db.prepare('SELECT source_id FROM messages').pluck().all()).toEqual(['ok']);
    const refused = rb.logs.filter((l) => l.msg === 'message not stored: implausible time');
    expect(refused.map((l) => l.data?.messageId)).toEqual(['epoch', 'ahead']);
  });
});
