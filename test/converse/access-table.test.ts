/**
 * Issue 7, "Access and privacy": every private-chat command tried as a supervisor, an owner, a
 * member and a stranger on the simulated town office. Each either answers with the asker's own data
 * or refuses politely — and a refusal carries nothing but the refusal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config, configSchema } from '../../src/config/schema.js';
import { commandWord, parseCommand } from '../../src/converse/command-registry.js';
import { converseText } from '../../src/converse/converse-text.js';
import { type Conversation, createConversation } from '../../src/converse/create-conversation.js';
import type { Reply } from '../../src/converse/reply.js';
import { SimulatedClock } from '../../src/deliver/simulated-clock.js';
import { recommendStoredWeek } from '../../src/recommend/recommend-stored-week.js';
import type { OutboxItem } from '../../src/store/outbox.js';
import type { Store } from '../../src/store/store.js';
import { NOTICES, post } from './fixtures/craft-org.js';
import { FakePrivacy } from './fixtures/fake-privacy.js';
import { openSimulatedOrg, rosteredContacts } from './fixtures/simulated-org.js';

const NOW = Date.parse('2026-11-24T10:00:00+08:00');
const SCOPE = '东湖社区';
const zh = converseText('zh-CN');

let store: Store;
let config: Config;
let conversation: Conversation;
let privacy: FakePrivacy;
const enqueued: OutboxItem[] = [];
const who = { supervisor: 'u-sup', owner: '', otherOwner: '', member: '', stranger: 'u-stranger' };
let groupNames: Map<string, string>;
let contactNames: Map<string, string>;
let units: string[];

beforeAll(async () => {
  ({ store } = await openSimulatedOrg());
  config = configSchema.parse({ org: { supervisors: [{ id: who.supervisor, units: [SCOPE] }] } });
  const owners = new Map<string, number>();
  for (const r of recommendStoredWeek(store, config, '2026-W47').recommendations)
    if (r.ownerId && r.status === 'open') owners.set(r.ownerId, (owners.get(r.ownerId) ?? 0) + 1);
  const ranked = [...owners].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  who.owner = ranked[0]?.[0] as string;
  who.otherOwner = ranked[1]?.[0] as string;
  const ownerIds = new Set(store.db.prepare('SELECT owner_id FROM groups').pluck().all() as string[]);
  who.member = rosteredContacts(store).find(
    (c) => !ownerIds.has(c) && store.groups.ofMember(c).length >= 3,
  ) as string;
  // A group of three: figures about it must never be shown.
  const at = Date.parse('2026-10-20T08:00:00+08:00');
  const third = rosteredContacts(store).find((c) => c !== who.member && !ownerIds.has(c)) as string;
  store.groups.upsert({
    id: 'g-tiny',
    name: '三人小组群',
    ownerId: who.otherOwner,
    unit: null,
    createdAt: null,
    seenAt: at,
  });
  store.snapshots.record('g-tiny', at, [who.member, who.otherOwner, third]);
  store.messages.insert(post('g-tiny', third, Date.parse('2026-11-17T10:00:00+08:00'), NOTICES[2] as string));
  groupNames = new Map(
    (store.db.prepare('SELECT id, name FROM groups').all() as { id: string; name: string }[]).map((g) => [
      g.id,
      g.name,
    ]),
  );
  contactNames = new Map(
    (store.db.prepare('SELECT id, name FROM contacts').all() as { id: string; name: string }[]).map((c) => [
      c.id,
      c.name,
    ]),
  );
  units = store.db
    .prepare('SELECT DISTINCT unit FROM groups WHERE unit IS NOT NULL')
    .pluck()
    .all() as string[];
  privacy = new FakePrivacy(store);
  conversation = createConversation({
    store,
    config,
    queue: {
      enqueue: (items) => {
        enqueued.push(...items);
        return items.map(() => 'queued');
      },
    },
    clock: new SimulatedClock(NOW),
    privacy,
  });
}, 60_000);

afterAll(() => store.close());

type Role = 'supervisor' | 'owner' | 'member' | 'stranger';
const COMMANDS = [
  '帮助',
  '我的群',
  '静音建议',
  '静音 1',
  '取消静音 1',
  '订阅',
  '退订',
  '退出记录',
  '恢复记录',
  '我的数据',
  '周报',
  '采纳 1',
  '忽略 1',
  '审计',
];
const ALLOWED: Record<Role, ReadonlySet<string>> = {
  supervisor: new Set(['帮助', '退出记录', '恢复记录', '我的数据', '审计']),
  owner: new Set(COMMANDS.filter((c) => c !== '审计')),
  member: new Set(COMMANDS.filter((c) => !['周报', '采纳 1', '忽略 1', '审计'].includes(c))),
  stranger: new Set(['帮助', '退出记录', '恢复记录', '我的数据']),
};
const NEEDED: Record<string, string> = {
  周报: 'owner',
  '采纳 1': 'owner',
  '忽略 1': 'owner',
  审计: 'supervisor',
};

const textOf = (reply: Reply | null) =>
  (reply?.parts ?? []).map((p) => (p.kind === 'text' ? p.text : `[image ${p.name}]`)).join('\n');

/** Groups the contact may hear about: theirs, and for a supervisor (audit) those in their units. */
function visibleGroups(contactId: string): Set<string> {
  const ids = new Set(store.groups.ofMember(contactId).map((g) => g.id));
  for (const [id] of groupNames) {
    const owner = store.db.prepare('SELECT owner_id FROM groups WHERE id = ?').pluck().get(id);
    if (owner === contactId) ids.add(id);
  }
  return ids;
}

describe('every command as every role', () => {
  const rows = (['supervisor', 'owner', 'member', 'stranger'] as Role[]).flatMap((role) =>
    COMMANDS.map((command) => [role, command] as const),
  );

  it.each(rows)('%s sends %s', async (role, command) => {
    const contactId = who[role];
    const reply = await conversation.respond(contactId, command);
    const text = textOf(reply);
    const name = parseCommand(command)?.name ?? 'help';
    if (!ALLOWED[role].has(command)) {
      const needed = NEEDED[command] ?? 'member';
      expect(reply).toEqual({
        outcome: 'refused',
        parts: [
          { kind: 'text', text: zh.refusedRole(commandWord(name, 'zh-CN'), zh.role[needed as 'owner']) },
        ],
      });
      return;
    }
    expect(reply?.outcome).toBe('answered');
    expect(text.length).toBeGreaterThan(0);
    if (command === '审计') {
      // Aggregates of the supervisor's units only: no other unit, no person.
      for (const unit of units.filter((u) => u !== SCOPE)) expect(text).not.toContain(unit);
      expect(text).toContain(SCOPE);
    } else {
      const visible = visibleGroups(contactId);
      for (const [id, groupName] of groupNames) if (!visible.has(id)) expect(text).not.toContain(groupName);
    }
    if (['我的群', '静音建议', '我的数据', '审计', '订阅'].includes(command)) {
      // No other person is named, so nobody is ranked or reported on.
      for (const [id, personName] of contactNames)
        if (id !== contactId && personName.length >= 2) expect(text).not.toContain(personName);
    }
  });

  it('help lists exactly the commands each role may use', async () => {
    for (const role of ['supervisor', 'owner', 'member', 'stranger'] as Role[]) {
      const text = textOf(await conversation.respond(who[role], 'help'));
      expect(text.includes('审计 —'), role).toBe(role === 'supervisor');
      expect(text.includes('周报 —'), role).toBe(role === 'owner');
      expect(text.includes('静音建议 —'), role).toBe(role === 'owner' || role === 'member');
      expect(text).toContain('我的数据 —');
    }
  });

  it('never shows a figure about a group of fewer than 5 people', async () => {
    const text = textOf(await conversation.respond(who.member, '我的群'));
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('三人小组群'));
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe(zh.groupHidden);
    expect(lines[at]?.replace(/^\d+\. /, '')).not.toMatch(/\d/);
  });

  it('the privacy commands only ever act on the asker', async () => {
    privacy.calls.length = 0;
    await conversation.respond(who.member, `退出记录 ${who.owner}`);
    await conversation.respond(who.member, `我的数据 ${who.owner}`);
    await conversation.respond(who.stranger, '恢复记录');
    expect(privacy.calls).toEqual([
      ['optOut', who.member],
      ['describeMember', who.member],
      ['optIn', who.stranger],
    ]);
  });
});

describe('asking for someone else’s data', () => {
  it('a member asking for another owner’s digest is refused, and nothing of it is queued', async () => {
    enqueued.length = 0;
    for (const contactId of [who.member, who.stranger, who.supervisor]) {
      await conversation.handlePrivateMessage(contactId, `周报 ${who.owner}`, `msg-${contactId}`);
    }
    await conversation.handlePrivateMessage(who.otherOwner, `周报 ${who.owner}`, 'msg-other-owner');
    expect(enqueued.map((i) => i.recipientId)).toEqual([
      who.member,
      who.stranger,
      who.supervisor,
      who.otherOwner,
    ]);
    expect(enqueued.every((i) => i.content.kind === 'text')).toBe(true);
    expect(enqueued.at(-1)?.content).toEqual({ kind: 'text', text: zh.refusedOthers('周报') });
    expect(enqueued[0]?.content).toEqual({ kind: 'text', text: zh.refusedRole('周报', zh.role.owner) });
  });

  it('an owner gets their own digest, with its chart, keyed by the message it answers', async () => {
    enqueued.length = 0;
    await conversation.handlePrivateMessage(who.owner, '周报', 'msg-digest');
    expect(enqueued.length).toBeGreaterThan(1);
    expect(enqueued.every((i) => i.recipientId === who.owner && i.ifUncertain === 'resend')).toBe(true);
    expect(enqueued.map((i) => i.dedupeKey)).toEqual(
      enqueued.map((_, n) => `reply:${who.owner}:msg-digest:${n + 1}`),
    );
    expect(enqueued.at(-1)?.content.kind).toBe('image');
    expect(store.recommendations.issued(who.owner, 1)).toBeDefined();
  });

  it('采纳 on someone else’s recommendation is refused and changes nothing', async () => {
    await conversation.respond(who.owner, '周报');
    const theirs = store.recommendations.issued(who.owner, 1);
    expect(theirs).toBeDefined();
    const status = () =>
      store.db.prepare('SELECT status FROM recommendation_status WHERE id = ?').pluck().get(theirs?.id);
    const before = status();
    for (const contactId of [who.otherOwner, who.member, who.supervisor]) {
      const reply = await conversation.respond(contactId, `采纳 ${theirs?.id}`);
      expect(reply?.outcome, contactId).toBe('refused');
      expect(textOf(reply)).not.toContain(groupNames.get(theirs?.groupIds[0] as string) as string);
    }
    expect(status()).toBe(before);
    const own = await conversation.respond(who.owner, `采纳 ${theirs?.id}`);
    expect(own?.outcome).toBe('answered');
    expect(status()).toBe('accepted');
  });
});

describe('wording', () => {
  it('answers in English when the locale is en', async () => {
    const en = createConversation({
      store,
      config: { ...config, locale: 'en' },
      queue: { enqueue: () => [] },
      clock: new SimulatedClock(NOW),
    });
    expect(textOf(await en.respond(who.member, '审计'))).toBe(
      converseText('en').refusedRole('audit', converseText('en').role.supervisor),
    );
    expect(textOf(await en.respond(who.member, 'mydata'))).toBe(converseText('en').unavailable);
  });

  it('hints at help once for chatter, and stays silent for empty messages', async () => {
    const c = createConversation({
      store,
      config,
      queue: { enqueue: () => [] },
      clock: new SimulatedClock(NOW),
    });
    expect(textOf(await c.respond(who.member, '王主任好'))).toBe(zh.unknown);
    expect(await c.respond(who.member, '在吗')).toBeNull();
    expect(await c.respond(who.owner, '   ')).toBeNull();
  });
});
