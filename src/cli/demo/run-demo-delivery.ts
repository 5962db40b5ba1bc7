import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DateTime } from 'luxon';
import type { Wechaty } from 'wechaty';
import { createDelivery } from '../../app/create-delivery.js';
import { weekBounds } from '../../calendar/weeks.js';
import type { Config } from '../../config/schema.js';
import { drawCharts } from '../../deliver/send-queue.js';
import { SimulatedClock } from '../../deliver/simulated-clock.js';
import { createWechatySender } from '../../deliver/wechaty-sender.js';
import type { Logger } from '../../logging/logger.js';
import { makeDirectory, PRIVATE_FILE_MODE } from '../../platform/private-files.js';
import type { OutboxRow } from '../../store/outbox.js';
import type { Store } from '../../store/store.js';
import { DEMO_TEXT } from './demo-text.js';
import { pickDemoCadre } from './pick-demo-cadre.js';

const HOUR = 3_600_000;

/**
 * The deliver stage of `npm start`: a simulated clock runs the schedules from the end of the last
 * simulated week to Monday evening (owners' digests at 09:00, the supervisors' audit at 09:30, the
 * daily digest at 18:00), a cadre talks to the bot in between (我的群 → 静音建议 → 订阅), and every
 * private message the bot sent in this run is printed from the outbox. Re-running finds them already
 * sent: nothing is sent twice, and the earlier run's messages are counted, not printed as if sent again.
 */
export async function runDemoDelivery(input: {
  bot: Wechaty;
  store: Store;
  config: Config;
  week: string;
  log: Logger;
  out: (text: string) => void;
}): Promise<void> {
  const { bot, store, week, log, out } = input;
  const t = DEMO_TEXT[input.config.locale];
  const { to } = weekBounds(week, input.config.timezone);
  const config = withDemoSupervisor(store, input.config);
  const clock = new SimulatedClock(to - HOUR);
  const outbox = store.outbox;
  const sentBefore = new Set(outbox.list('sent').map((r) => r.id));
  const delivery = await createDelivery({
    store,
    config,
    sender: createWechatySender(bot),
    clock,
    log,
    timers: 'manual',
  });
  const step = async (until: number) => {
    for (let next = delivery.schedules.nextFire(clock.now()); next && next.at <= until; ) {
      clock.advanceTo(next.at);
      await delivery.schedules.runDueJobs();
      await delivery.queue.drain();
      next = delivery.schedules.nextFire(clock.now());
    }
    clock.advanceTo(until);
    await delivery.queue.drain();
  };
  const startedAt = clock.now();
  await step(to + 10 * HOUR);
  const cadre = pickDemoCadre(store, config, week);
  if (cadre) {
    for (const [i, text] of ['我的群', '静音建议', '订阅'].entries()) {
      await delivery.conversation.handlePrivateMessage(cadre, text, `demo-${week}-${i + 1}`);
      await delivery.queue.drain();
    }
  }
  await step(to + 19 * HOUR);
  await delivery.stop();

  const ours = outbox
    .list('sent')
    .filter((r) => r.dedupeKey.includes(week) || (cadre !== undefined && r.recipientId === cadre));
  const rows = ours.filter((r) => !sentBefore.has(r.id));
  // Local times in the configured zone, as every other time the operator reads.
  const local = (ms: number) =>
    DateTime.fromMillis(ms, { zone: input.config.timezone }).toFormat('yyyy-MM-dd HH:mm ZZZZ');
  out(t.deliveries(rows.length, local(startedAt), local(clock.now())));
  const name = (id: string) => store.contacts.find(id)?.name ?? id;
  for (const row of rows) out(describeRow(row, name(row.recipientId), input.config.db));
  if (ours.length > rows.length) out(t.alreadySent(ours.length - rows.length));
}

/** The simulation configures no supervisor: the demo lets its first leader read the audit. */
function withDemoSupervisor(store: Store, config: Config): Config {
  if (config.org.supervisors.length > 0) return config;
  const leader = store.contacts.firstInUnit('领导班子');
  if (!leader) return config;
  return { ...config, org: { ...config.org, supervisors: [{ id: leader, units: [] }] } };
}

function describeRow(row: OutboxRow, recipient: string, db: string): string {
  const head = `──── ${row.dedupeKey} → ${recipient} (${row.recipientId})`;
  const c = row.content;
  if (c === null) return `${head}\n（内容已按保留期清除）`;
  if (c.kind === 'text') return `${head}\n${c.text}`;
  if (c.kind === 'mail') return `${head}\n[邮件] ${c.subject}\n${c.text}`;
  if ('path' in c) return `${head}\n[图片] ${c.path}`;
  // A chart is queued as what to draw; draw it as the send queue does before it goes out.
  const image = drawCharts(c);
  if (image.kind !== 'image' || 'path' in image) return head;
  const path = join(dirname(db), 'demo-charts', `${row.dedupeKey.replace(/[^\w.-]+/g, '_')}.png`);
  makeDirectory(dirname(path));
  writeFileSync(path, Buffer.from(image.base64, 'base64'), { mode: PRIVATE_FILE_MODE });
  return `${head}\n[图片] ${path}`;
}
