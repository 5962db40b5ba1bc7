/**
 * 采纳 N / 忽略 N answer the digest the owner was given last, whatever its week; 周报 and 审计 refuse
 * weeks that have not come yet or lie before the first stored message (issue 13, item 4).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config, configSchema } from '../../src/config/schema.js';
import { converseText } from '../../src/converse/converse-text.js';
import { type Conversation, createConversation } from '../../src/converse/create-conversation.js';
import type { Reply } from '../../src/converse/reply.js';
import { SimulatedClock } from '../../src/deliver/simulated-clock.js';
import { recommendStoredWeek } from '../../src/recommend/recommend-stored-week.js';
import type { Store } from '../../src/store/store.js';
import { openSimulatedOrg } from './fixtures/simulated-org.js';

const NOW = Date.parse('2026-11-24T10:00:00+08:00'); // in 2026-W48; the data covers W44..W47
const zh = converseText('zh-CN');
const en = converseText('en');

let store: Store;
let config: Config;
let clock: SimulatedClock;
let conversation: Conversation;
let owner = '';

const textOf = (reply: Reply | null) =>
  (reply?.parts ?? []).map((p) => (p.kind === 'text' ? p.text : '')).join('\n');
const issued = (week: string) =>
  store.db
    .prepare(
      'SELECT number, recommendation_id AS id FROM issued_recommendations WHERE owner_id = ? AND week = ? ORDER BY number',
    )
    .all(owner, week) as { number: number; id: string }[];
const statusOf = (id: string) =>
  store.db.prepare('SELECT status, week FROM recommendation_status WHERE id = ?').get(id) as
    | { status: string; week: string }
    | undefined;

beforeAll(async () => {
  ({ store } = await openSimulatedOrg());
  config = configSchema.parse({ org: { supervisors: [{ id: 'u-sup', units: [] }] } });
  // An owner whose digests of W45 and W47 both carry recommendations, with different first ones.
  const firstOf = (week: string) => {
    const byOwner = new Map<string, string>();
    for (const r of recommendStoredWeek(store, config, week).recommendations)
      if (r.ownerId && r.status === 'open' && !byOwner.has(r.ownerId)) byOwner.set(r.ownerId, r.id);
    return byOwner;
  };
  const w45 = firstOf('2026-W45');
  const w47 = firstOf('2026-W47');
  owner = [...w45.keys()].sort().find((o) => w47.has(o) && w47.get(o) !== w45.get(o)) as string;
  expect(owner).toBeTruthy();
  clock = new SimulatedClock(NOW);
  conversation = createConversation({
    store,
    config,
    queue: { enqueue: (items) => items.map(() => 'queued') },
    clock,
  });
}, 60_000);

afterAll(() => store.close());

describe('采纳 N resolves against the digest the owner was given last', () => {
  it('after 周报 (W47) then 周报 2026-W45, 采纳 1 acts on W45’s first recommendation, not W47’s', async () => {
    await conversation.respond(owner, '周报');
    clock.advanceTo(NOW + 60_000);
    await conversation.respond(owner, '周报 2026-W45');
    const [first45] = issued('2026-W45');
    const [first47] = issued('2026-W47');
    expect(first45 && first47 && first45.id !== first47.id).toBe(true);
    clock.advanceTo(NOW + 120_000);
    const reply = await conversation.respond(owner, '采纳 1');
    expect(reply?.outcome).toBe('answered');
    expect(statusOf(first45?.id as string)).toMatchObject({ status: 'accepted', week: '2026-W45' });
    expect(statusOf(first47?.id as string)?.status ?? 'open').toBe('open');

    // Asking for W47 again makes it the latest: 忽略 1 now answers W47’s first.
    clock.advanceTo(NOW + 180_000);
    await conversation.respond(owner, '周报 2026-W47');
    clock.advanceTo(NOW + 240_000);
    await conversation.respond(owner, '忽略 1');
    expect(statusOf(first47?.id as string)).toMatchObject({ status: 'dismissed', week: '2026-W47' });
  });
});

describe('周报 and 审计 refuse weeks outside what is stored, with a clear reply', () => {
  it.each([
    ['2027-W01', zh.weekNotYet('2027-W01', '2026-W48')],
    ['9999-W52', zh.weekNotYet('9999-W52', '2026-W48')],
    ['0000-W01', zh.weekBeforeRecords('0000-W01', '2026-W44')],
    ['2026-W40', zh.weekBeforeRecords('2026-W40', '2026-W44')],
  ])('周报 %s', async (week, expected) => {
    const before = store.db.prepare('SELECT COUNT(*) FROM issued_recommendations').pluck().get();
    const reply = await conversation.respond(owner, `周报 ${week}`);
    expect(reply?.outcome).toBe('answered');
    expect(textOf(reply)).toBe(expected);
    expect(store.db.prepare('SELECT COUNT(*) FROM issued_recommendations').pluck().get()).toBe(before);
    expect(store.db.prepare('SELECT COUNT(*) FROM digest_issues WHERE week = ?').pluck().get(week)).toBe(0);
  });

  it('a refused week does not hijack the numbering', async () => {
    clock.advanceTo(NOW + 300_000);
    await conversation.respond(owner, '周报 2026-W46');
    const [first46] = issued('2026-W46');
    clock.advanceTo(NOW + 360_000);
    await conversation.respond(owner, '周报 9999-W52');
    const reply = await conversation.respond(owner, '采纳 1');
    if (first46) expect(statusOf(first46.id)).toMatchObject({ status: 'accepted', week: '2026-W46' });
    else expect(reply?.outcome).toBe('refused');
  });

  it('the current week may be asked for; 审计 refuses the future too; English wording', async () => {
    expect(textOf(await conversation.respond(owner, '周报 2026-W48'))).not.toBe(
      zh.weekNotYet('2026-W48', '2026-W48'),
    );
    expect(textOf(await conversation.respond('u-sup', '审计 2027-W02'))).toBe(
      zh.weekNotYet('2027-W02', '2026-W48'),
    );
    const english = createConversation({
      store,
      config: { ...config, locale: 'en' },
      queue: { enqueue: (items) => items.map(() => 'queued') },
      clock,
    });
    expect(textOf(await english.respond(owner, 'digest 2027-W01'))).toBe(
      en.weekNotYet('2027-W01', '2026-W48'),
    );
  });
});
