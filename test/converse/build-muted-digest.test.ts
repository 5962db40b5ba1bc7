import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { buildMutedDigest } from '../../src/converse/build-muted-digest.js';
import { converseText } from '../../src/converse/converse-text.js';
import { renderMutedDigest } from '../../src/converse/render-muted-digest.js';
import { createDailyDigestJob } from '../../src/deliver/daily-digest-job.js';
import { SendQueue } from '../../src/deliver/send-queue.js';
import type { JobContext } from '../../src/deliver/start-schedules.js';
import type { MessageInput } from '../../src/model/message.js';
import type { Store } from '../../src/store/store.js';
import { openTempStore } from '../fixtures/temp-store.js';
import { craftOrg, NOTICES, post } from './fixtures/craft-org.js';

const config = configSchema.parse({});
const C = 'u-c';
const others = ['u-1', 'u-2', 'u-3', 'u-4', 'u-5'];
const at = (iso: string) => Date.parse(`${iso}+08:00`);
const DAY = 86_400_000;
const UNTIL = at('2026-11-17T18:00:00');
const SINCE = UNTIL - DAY;
const n = (i: number) => NOTICES[i] as string;

let store: Store;
const ids: Record<string, string[]> = {};

function add(label: string, ...messages: MessageInput[]): void {
  ids[label] = messages.map((m) => m.id);
  store.messages.insertMany(messages);
}

beforeAll(() => {
  store = openTempStore();
  craftOrg(store, {
    at: at('2026-11-01T08:00:00'),
    contacts: { [C]: '陈晨', 'u-1': '王军', 'u-2': '李娜', 'u-3': '张伟', 'u-4': '刘洋', 'u-5': '赵敏' },
    groups: [
      { id: 'g-k', name: '机关工作群', members: [C, ...others] },
      { id: 'g-m1', name: '安全生产群', members: [C, ...others] },
      { id: 'g-m2', name: '网格员群', members: [C, ...others] },
    ],
  });
  const t = (hhmm: string, day = '2026-11-17') => at(`${day}T${hhmm}:00`);
  add('twoMuted', post('g-m1', 'u-1', t('09:00'), n(0)), post('g-m2', 'u-2', t('09:05'), n(0)));
  add('coveredSameDay', post('g-m1', 'u-1', t('10:00'), n(1)), post('g-k', 'u-1', t('10:01'), n(1)));
  add(
    'coveredDaysBefore',
    post('g-k', 'u-3', t('10:00', '2026-11-15'), n(2)),
    post('g-m1', 'u-3', t('11:00'), n(2)),
  );
  add(
    'mentionCovered',
    post('g-m1', 'u-4', t('12:00'), n(3), { mentionIds: [C] }),
    post('g-k', 'u-4', t('12:02'), n(3)),
  );
  add('mentionChat', post('g-m2', 'u-5', t('13:00'), '@陈晨 请看一下材料', { mentionIds: [C] }));
  add('chat', post('g-m2', 'u-5', t('13:10'), '收到'));
  add('own', post('g-m1', C, t('14:00'), n(4)));
  add('keptOnly', post('g-k', 'u-1', t('14:30'), n(5)));
  add('beforeSince', post('g-m1', 'u-1', t('10:00', '2026-11-16'), n(6)));
  add('afterUntil', post('g-m2', 'u-1', t('19:00'), n(7)));
  add(
    'link',
    post('g-m2', 'u-2', t('15:00'), null as unknown as string, {
      type: 'link',
      link: { title: '关于2026年度考核工作的通知', url: 'https://example.gov.cn/a', description: null },
    }),
  );
  add('mentionInKept', post('g-k', 'u-2', t('15:30'), '@陈晨 下午开会', { mentionIds: [C] }));
  const recalled = post('g-m1', 'u-1', t('16:00'), n(8));
  add('recalled', recalled, post('g-m1', 'u-1', t('16:01'), recalled.id, { type: 'recalled' }));
  store.preferences.mute(C, ['g-m1', 'g-m2'], SINCE);
});

afterAll(() => store.close());

describe('buildMutedDigest', () => {
  it('lists what only the muted groups carried, once per notice, plus every @-mention of the cadre', () => {
    const digest = buildMutedDigest(store, config, C, SINCE, UNTIL);
    expect(digest.mutedGroupIds).toEqual(['g-m1', 'g-m2']);
    expect(digest.entries.map((e) => e.messageId)).toEqual([
      ids.twoMuted?.[0],
      ids.mentionCovered?.[0],
      ids.mentionChat?.[0],
      ids.link?.[0],
    ]);
    expect(digest.entries[0]).toMatchObject({ groupIds: ['g-m1', 'g-m2'], notice: true, mentionsMe: false });
    expect(digest.entries[1]).toMatchObject({ notice: true, mentionsMe: true });
    // Whether a short chat's text is kept is the storage policy's business (src/privacy/).
    expect(digest.entries[2]).toMatchObject({ notice: false, mentionsMe: true });
    expect(digest.entries[3]).toMatchObject({ type: 'link', text: '关于2026年度考核工作的通知' });
    expect(digest.coveredElsewhere).toBe(2);
  });

  it.each([
    'coveredSameDay',
    'coveredDaysBefore',
    'chat',
    'own',
    'keptOnly',
    'beforeSince',
    'afterUntil',
    'mentionInKept',
    'recalled',
  ])('leaves out %s', (label) => {
    const listed = new Set(buildMutedDigest(store, config, C, SINCE, UNTIL).entries.map((e) => e.messageId));
    for (const id of ids[label] ?? []) expect(listed.has(id)).toBe(false);
  });

  it('covers only the groups still muted', () => {
    const prefs = store.preferences;
    prefs.unmute(C, ['g-m2']);
    try {
      const digest = buildMutedDigest(store, config, C, SINCE, UNTIL);
      expect(digest.mutedGroupIds).toEqual(['g-m1']);
      // g-m2 is kept now: the notice that reached g-m1 and g-m2 is covered, the chat mention gone.
      expect(digest.entries.map((e) => e.messageId)).toEqual([ids.mentionCovered?.[0]]);
    } finally {
      prefs.mute(C, ['g-m2'], SINCE);
    }
  });

  it('renders in Chinese by default: groups, sender, time, the @ marker; nothing for an empty digest', () => {
    const digest = buildMutedDigest(store, config, C, SINCE, UNTIL);
    const names: Record<string, string> = { 'g-m1': '安全生产群', 'g-m2': '网格员群', 'u-4': '刘洋' };
    const parts = renderMutedDigest(digest, {
      text: converseText('zh-CN'),
      timezone: config.timezone,
      groupName: (id) => names[id] ?? id,
      contactName: (id) => names[id],
      maxPartChars: 1800,
    });
    expect(parts).toHaveLength(1);
    const text = parts[0] as string;
    expect(text).toContain('【安全生产群、网格员群】11月17日 09:00');
    expect(text).toContain('刘洋：');
    expect(text.match(/（@了您）/g)).toHaveLength(2);
    expect(text).toContain('只在这些群出现的通知 3 条，@您的消息 2 条（另有 2 条通知也发到了您保留的群');
    expect(text).not.toContain(n(1).slice(0, 20));
    const empty = buildMutedDigest(store, config, C, UNTIL + DAY, UNTIL + 2 * DAY);
    expect(
      renderMutedDigest(empty, {
        ...{ text: converseText('en') },
        timezone: config.timezone,
        groupName: String,
        contactName: () => undefined,
        maxPartChars: 1800,
      }),
    ).toEqual([]);
  });
});

describe('the daily digest job', () => {
  it('queues each subscriber’s digest once per period and moves on from where the last one ended', async () => {
    const prefs = store.preferences;
    const outbox = store.outbox;
    const queue = new SendQueue({
      outbox,
      sender: { sendText: async () => {}, sendImage: async () => {} },
      clock: { now: () => UNTIL, sleep: async () => {} },
      settings: config.deliver,
    });
    prefs.subscribe(C, SINCE);
    prefs.subscribe('u-1', SINCE); // subscribed, nothing muted: nothing to send
    const job = createDailyDigestJob({ store, config, queue });
    const ctx = (scheduledAt: number): JobContext => ({
      job: 'dailyDigest',
      periodKey: `dailyDigest:${scheduledAt}`,
      scheduledAt,
      now: scheduledAt,
      previousDoneAt: undefined,
    });
    expect(await job(ctx(UNTIL))).toEqual({ subscribers: 2, sent: 1 });
    const first = outbox.list();
    expect(first.map((r) => [r.dedupeKey, r.recipientId])).toEqual([[`daily:${C}:${UNTIL}:part:1`, C]]);
    expect(prefs.subscription(C)?.lastSentUntil).toBe(UNTIL);
    // A re-run of the same period (after a crash) finds nothing new to cover and queues nothing.
    await job(ctx(UNTIL));
    expect(outbox.list()).toHaveLength(1);
    // The next day covers from the end of the last digest: the 19:00 notice is in it.
    await job(ctx(UNTIL + DAY));
    const next = outbox.get(`daily:${C}:${UNTIL + DAY}:part:1`);
    const content = next?.content;
    expect(content?.kind === 'text' && content.text.includes(n(7).slice(0, 20) as string)).toBe(true);
    expect(outbox.list().filter((r) => r.recipientId === 'u-1')).toEqual([]);
  });
});
