import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Config, configSchema } from '../../../src/config/schema.js';
import type { ChannelBlockedError } from '../../../src/deliver/channel.js';
import { routeMessage } from '../../../src/deliver/channel-router.js';
import { createChannels } from '../../../src/deliver/create-channels.js';
import { queueSupervisorAudits } from '../../../src/deliver/queue-weekly-deliveries.js';
import { SendQueue, type UndeliverableReport } from '../../../src/deliver/send-queue.js';
import { SimulatedClock } from '../../../src/deliver/simulated-clock.js';
import { Store } from '../../../src/store/store.js';
import { tempStorePath } from '../../fixtures/temp-store.js';
import { T0 } from '../queue-fixture.js';
import { startSmtp } from './smtp-fixture.js';

/** The email channel against a real SMTP server: the audit with its CSV, refusals, a wrong password. */
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let store: Store;

function setup(password: string) {
  const config: Config = configSchema.parse({
    org: { supervisors: [{ id: 'sup-1', units: [] }] },
    deliver: {
      channels: { owners: ['email'], supervisors: ['email'] },
      email: {
        host: '127.0.0.1',
        port: smtp.port,
        user: 'qingqun',
        from: '清群 <qingqun@example.gov.cn>',
        password,
        minGapMs: 0,
      },
    },
  });
  const channels = createChannels(store, config);
  const undeliverable: UndeliverableReport[] = [];
  const blocked: ChannelBlockedError[] = [];
  const queue = new SendQueue({
    outbox: store.outbox,
    sender: { sendText: async () => {}, sendImage: async () => {} },
    channels: channels.senders,
    addressOf: channels.addressOf,
    clock: new SimulatedClock(T0),
    settings: config.deliver,
    onUndeliverable: (r) => undeliverable.push(r),
    onChannelBlocked: (e) => blocked.push(e),
  });
  return { config, queue, undeliverable, blocked, close: () => channels.close() };
}

beforeEach(async () => {
  smtp = await startSmtp({ user: 'qingqun', password: 'right', reject: ['gone@example.gov.cn'] });
  store = new Store(tempStorePath());
  for (const [id, name, email] of [
    ['sup-1', '黄杰', 'huang@example.gov.cn'],
    ['u-gone', '周强', 'gone@example.gov.cn'],
    ['u-lina', '李娜', 'lina@example.gov.cn'],
  ] as const) {
    store.contacts.upsert({ id, name, unit: '东湖社区' });
    store.contacts.setAddresses(id, { email });
  }
  store.contacts.upsert({ id: 'u-none', name: '赵敏', unit: null });
});

afterEach(async () => {
  store.close();
  await smtp.close();
});

const note = (config: Config, recipientId: string, key: string) =>
  routeMessage(store, config, {
    audience: 'owners',
    recipientId,
    key,
    subject: '清群周报 2026-W47（11月17日—11月23日）：您的工作群',
    parts: ['(1/2) 李娜您好：', '(2/2) ■ 建议\n1. 合并两个群'],
  });

describe('email channel', () => {
  it('mails the audit with its CSV attached (UTF-8 with a BOM for spreadsheets)', async () => {
    const { config, queue, close } = setup('right');
    const queued = queueSupervisorAudits(store, config, queue, '2026-W47');
    expect(queued).toMatchObject({ recipients: 1, queued: 1, unreachable: [] });
    expect((await queue.drain()).sent).toBe(1);
    close();
    const mail = smtp.mails[0]?.parsed;
    expect(smtp.mails[0]?.envelopeTo).toEqual(['huang@example.gov.cn']);
    expect(mail?.subject).toBe('清群督查周报 2026-W47（11月16日—11月22日）：所辖单位工作群');
    const csv = mail?.attachments.find((a) => a.filename === 'qingqun-audit-2026-W47.csv');
    expect(csv?.contentType).toBe('text/csv');
    expect(csv?.content.subarray(0, 3).toString('hex')).toBe('efbbbf');
    expect(csv?.content.toString('utf8')).toContain('unit');
    expect(mail?.text).toContain('附件：qingqun-audit-2026-W47.csv');
  });

  it('joins the chat parts into one mail, without the part markers', async () => {
    const { config, queue, close } = setup('right');
    const route = note(config, 'u-lina', 'digest:2026-W47:u-lina');
    if (route.channel === null) throw new Error('no route');
    queue.enqueue(route.items);
    await queue.drain();
    close();
    const mail = smtp.mails[0]?.parsed;
    expect(mail?.text).toBe('李娜您好：\n\n■ 建议\n1. 合并两个群');
    expect(mail?.html).toContain('<p>■ 建议<br>\n1. 合并两个群</p>');
  });

  it('marks a mailbox the server refuses (550) undeliverable and goes on', async () => {
    const { config, queue, undeliverable, close } = setup('right');
    for (const id of ['u-gone', 'u-lina']) {
      const route = note(config, id, `digest:2026-W47:${id}`);
      if (route.channel === null) throw new Error('no route');
      queue.enqueue(route.items);
    }
    const result = await queue.drain();
    close();
    expect(result).toMatchObject({ sent: 1, undeliverable: 1 });
    expect(undeliverable.map((u) => [u.recipientId, u.reason])).toEqual([['u-gone', 'rejected']]);
    expect(smtp.mails.map((m) => m.envelopeTo)).toEqual([['lina@example.gov.cn']]);
  });

  it('stops on a refused login, says so once, and keeps the mails queued', async () => {
    const { config, queue, blocked, close } = setup('wrong');
    for (const id of ['u-gone', 'u-lina']) {
      const route = note(config, id, `digest:2026-W47:${id}`);
      if (route.channel === null) throw new Error('no route');
      queue.enqueue(route.items);
    }
    const result = await queue.drain();
    close();
    expect(result).toMatchObject({ sent: 0, failed: 0, remaining: 2 });
    expect(blocked).toHaveLength(1);
    expect(blocked[0]?.message).toContain('QINGQUN_SMTP_PASSWORD');
    expect(smtp.mails).toHaveLength(0);
  });

  it('reports a recipient without an address on any configured channel', () => {
    const { config, close } = setup('right');
    close();
    expect(note(config, 'u-none', 'digest:2026-W47:u-none')).toEqual({ channel: null, tried: ['email'] });
  });
});
