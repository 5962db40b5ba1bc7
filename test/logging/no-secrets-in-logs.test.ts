import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importJsonl } from '../../src/ingest/jsonl/import-jsonl.js';
import { playSimulation } from '../../src/ingest/wechaty/play-simulation.js';
import { simulationOrgMap } from '../../src/ingest/wechaty/simulation-org-map.js';
import { createLogger } from '../../src/logging/create-logger.js';
import type { Logger } from '../../src/logging/logger.js';
import type { InterchangeRecord, MessageRecord } from '../../src/model/interchange.js';
import { openTempStore } from '../fixtures/temp-store.js';
import { contactLine, groupLine, messageLine, NOW, tempDir } from '../ingest/jsonl/interchange-lines.js';
import { type RecordingBot, startRecordingBot } from '../ingest/wechaty/recording-bot.js';

const PHONE = '13800138000';
const TOKEN = 'puppet_padlocal_3f2a9c1e-77b0-4d1e-9e41-0a5b6c7d8e9f';
const SECRETS = ['绝密：明天上午检查组到达', `请联系李娜${PHONE}报送材料`, `token is ${TOKEN}`, '收到'];
/** What must never appear in a log line: the texts, the phone number, the token, or a part of them. */
const FORBIDDEN = [PHONE, TOKEN, '3f2a9c1e', '绝密', '检查组', '联系李娜', '报送材料'];

/** A logger at trace level writing into an array of lines. */
function capturingLogger(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { log: createLogger('trace', stream), lines };
}

function expectClean(lines: string[]): void {
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) for (const f of FORBIDDEN) expect(line, line).not.toContain(f);
}

describe('createLogger', () => {
  it('redacts secret and content fields at any depth and masks phones and tokens in every string', () => {
    const { log, lines } = capturingLogger();
    log.info({ token: TOKEN, puppet: { options: { token: TOKEN } }, text: SECRETS[0] }, `sent to ${PHONE}`);
    log.warn({ nested: { deeper: { content: SECRETS[1], note: `call ${PHONE} or +86 ${PHONE}` } } }, 'x');
    log.error({ err: new Error(`failed with ${TOKEN} for ${PHONE}`) }, 'boom');
    log.info({ headers: { Authorization: 'Bearer abc' }, apiKey: 'k', count: 3, id: 'm-1' }, 'ok');
    expectClean(lines);
    expect(lines.join('\n')).not.toContain('Bearer abc');
    // Ids, counts and the shape of the record survive.
    expect(JSON.parse(lines[3] as string)).toMatchObject({ count: 3, id: 'm-1', msg: 'ok' });
    expect(lines[1]).toContain('[phone]');
  });
});

let rb: RecordingBot | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await rb?.stop();
  rb = undefined;
});

const message = (id: string, text: string | null, extra: Partial<MessageRecord> = {}): MessageRecord => ({
  kind: 'message',
  id,
  groupId: 'g-1',
  senderId: 'u-1',
  time: `2026-11-17T09:${String(10 + Number(id.slice(2))).padStart(2, '0')}:00+08:00`,
  type: 'text',
  text,
  mentionAll: false,
  mentionIds: [],
  ...extra,
});

describe('no message text, token or phone number in any log line', () => {
  it('the recorder, playing messages that hold them, with a failing write among them', async () => {
    const { log, lines } = capturingLogger();
    const records: InterchangeRecord[] = [
      { kind: 'contact', id: 'u-1', name: '王军' },
      { kind: 'group', id: 'g-1', name: '街道党建工作群', ownerId: 'u-1', memberIds: ['u-1', 'u-2'] },
      ...SECRETS.map((text, i) => message(`m-${i}`, text)),
      message('m-7', SECRETS[1] as string, {
        type: 'link',
        link: { title: SECRETS[0] as string, url: null, description: null },
      }),
      message('m-8', null, { type: 'file', file: { name: `${PHONE}.docx`, size: 10, sha256: null } }),
    ];
    rb = await startRecordingBot({
      ...simulationOrgMap(records),
      log,
    });
    const insert = rb.store.messages.insert.bind(rb.store.messages);
    vi.spyOn(rb.store.messages, 'insert').mockImplementation((m) => {
      // A driver error quoting what it was given: the logger must still mask it.
      if (m.id === 'm-1') throw new Error(`SQLITE_IOERR writing ${PHONE} with ${TOKEN}`);
      return insert(m);
    });
    const played = await playSimulation({ ...rb, records });
    expect(played.failed).toBe(1);
    expect(played.inserted).toBe(5);
    expectClean(lines);
    expect(lines.some((l) => l.includes('recording a message failed'))).toBe(true);
  });

  it('the importer, reporting bad lines that hold them in every field', async () => {
    const { log, lines } = capturingLogger();
    const dir = tempDir();
    const file = join(dir, 'bad.jsonl');
    writeFileSync(
      file,
      [
        groupLine(),
        contactLine(),
        messageLine({ id: 'a', text: SECRETS[1] }),
        messageLine({ id: 'b', type: SECRETS[0] }),
        messageLine({ id: 'c', type: PHONE }),
        messageLine({ id: 'd', kind: TOKEN }),
        messageLine({ id: 'e', time: SECRETS[1] }),
        messageLine({ id: 'f', text: Number(PHONE) }),
        messageLine({ id: 'g', groupId: 'g-nope', text: SECRETS[0] }),
        messageLine({ id: 'h', mentionIds: [SECRETS[1]], senderId: 7 }),
        `{"kind":"message","id":"i","text":"${SECRETS[0]}`,
        `{"kind":"message","id":"j","text":"${SECRETS[1]}"} trailing ${PHONE}`,
      ].join('\n'),
    );
    const problems: string[] = [];
    const store = openTempStore();
    try {
      const summary = await importJsonl(store, [file], {
        now: NOW,
        onProblem: (p) => {
          problems.push(String(p));
          log.warn({ problem: String(p) }, 'import problem');
        },
      });
      log.info({ ...summary.messages }, 'import done');
      expect(summary.messages.imported).toBe(1);
    } finally {
      store.close();
    }
    expect(problems).toHaveLength(9);
    // The problem lines are also what `qingqun import` prints to stderr: they must be clean by themselves.
    expectClean(problems);
    expectClean(lines);
  });
});
