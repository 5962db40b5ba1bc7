import { FileBox } from 'file-box';
import { type payloads, types, type Wechaty } from 'wechaty';
import type { mock } from 'wechaty-puppet-mock';
import type { InterchangeRecord, MessageRecord } from '../../model/interchange.js';
import type { MessageType } from '../../model/message.js';
import { parseIsoTime } from '../jsonl/parse-iso-time.js';
import { MENTION_ALL_ID } from './detect-mention-all.js';
import type { MessageTally, OutcomeCounts } from './message-tally.js';
import type { Recorder } from './recorder-plugin.js';
import type { SimulationPuppet } from './simulation-puppet.js';

export interface PlaySimulationOptions {
  /** A started bot on the simulation puppet, with the recorder installed and wired to `tally`. */
  bot: Wechaty;
  mocker: mock.Mocker;
  puppet: SimulationPuppet;
  records: Iterable<InterchangeRecord>;
  tally: MessageTally;
  /** The installed recorder: playing ends when its login snapshot and all handlers are done. */
  recorder: Pick<Recorder, 'idle'>;
  /** The account the bot logs in as (unless already logged in); it joins every room. */
  botContact?: { id: string; name: string };
  /** Messages in flight at once. */
  batchSize?: number;
  /** Give up on a batch when the recorder handled nothing for this long (ms). */
  idleTimeoutMs?: number;
}

export interface PlayResult extends OutcomeCounts {
  /** People in the simulation (contacts, members, owners, senders), the bot not included. */
  contacts: number;
  groups: number;
  /** Message events emitted. */
  messages: number;
  /** Emitted but never handled by the recorder. */
  missing: number;
  /** Messages not played: unknown group or type, or unreadable time. */
  rejected: number;
}

const PUPPET_TYPE: Record<MessageType, types.Message> = {
  text: types.Message.Text,
  link: types.Message.Url,
  file: types.Message.Attachment,
  image: types.Message.Image,
  miniprogram: types.Message.MiniProgram,
  emoticon: types.Message.Emoticon,
  recalled: types.Message.Recalled,
  system: types.Message.Unknown,
  other: types.Message.Audio,
};

/**
 * Plays interchange records through wechaty-puppet-mock with their original ids and timestamps, as a
 * puppet would deliver them, and resolves when the recorder has handled every message (and its login
 * snapshot). The bot joins every room (the recorder leaves it out of rosters). People without a
 * contact record are created under their id; a message whose group has no record is rejected.
 * Units and creation times do not travel through WeChat: give the recorder simulationOrgMap(records).
 */
export async function playSimulation(options: PlaySimulationOptions): Promise<PlayResult> {
  const { bot, mocker, puppet, tally } = options;
  const contacts = new Map<string, string>();
  const groups: Extract<InterchangeRecord, { kind: 'group' }>[] = [];
  const messages: MessageRecord[] = [];
  for (const r of options.records) {
    if (r.kind === 'contact') contacts.set(r.id, r.name);
    else if (r.kind === 'group') groups.push(r);
    else messages.push(r);
  }
  const self = options.botContact ?? { id: 'qingqun-bot', name: 'qingqun' };
  const botId = puppet.isLoggedIn ? puppet.currentUserId : self.id;
  const people = new Set<string>();
  const ensureContact = (id: string, name = contacts.get(id) ?? id) => {
    if (id !== botId) people.add(id);
    if (!mocker.cacheContactPayload.has(id)) mocker.createContact({ id, name });
  };
  ensureContact(botId, self.name);
  for (const id of contacts.keys()) ensureContact(id);
  for (const g of groups) {
    for (const id of g.memberIds) ensureContact(id);
    if (g.ownerId) ensureContact(g.ownerId);
    if (mocker.cacheRoomPayload.has(g.id)) continue;
    mocker.createRoom({
      id: g.id,
      topic: g.name,
      ownerId: g.ownerId ?? undefined,
      adminIdList: g.ownerId ? [g.ownerId] : [],
      memberIdList: [...new Set([...g.memberIds, botId])],
    });
  }
  if (!puppet.isLoggedIn) {
    await new Promise<void>((resolve) => {
      bot.once('login', () => resolve());
      mocker.login(mocker.ContactMock.load(botId));
    });
  }

  const result: PlayResult = {
    contacts: 0,
    groups: groups.length,
    messages: 0,
    inserted: 0,
    duplicate: 0,
    conflict: 0,
    skipped: 0,
    failed: 0,
    missing: 0,
    rejected: 0,
  };
  const batchSize = options.batchSize ?? 200;
  let batch: string[] = [];
  const flush = async () => {
    tally.expect(batch);
    for (const id of batch) puppet.emit('message', { messageId: id });
    const settled = await tally.settle(options.idleTimeoutMs);
    for (const [k, n] of Object.entries(settled.outcomes)) result[k as keyof OutcomeCounts] += n;
    result.missing += settled.missing.length;
    batch = [];
  };
  for (const m of messages) {
    const time = parseIsoTime(m.time);
    if (!time.ok || !mocker.cacheRoomPayload.has(m.groupId) || PUPPET_TYPE[m.type] === undefined) {
      result.rejected++;
      continue;
    }
    ensureContact(m.senderId);
    stage(m, time.time, mocker, puppet);
    batch.push(m.id);
    result.messages++;
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  await options.recorder.idle();
  result.contacts = people.size;
  return result;
}

/** Puts a message and its attachment where the simulation puppet will look them up. */
function stage(m: MessageRecord, time: number, mocker: mock.Mocker, puppet: SimulationPuppet): void {
  // A replayed id keeps its first payload, as a puppet replaying after a reconnect would.
  if (mocker.cacheMessagePayload.has(m.id)) return;
  if (m.link) {
    puppet.links.set(m.id, {
      title: m.link.title ?? '',
      url: m.link.url ?? '',
      ...(m.link.description ? { description: m.link.description } : {}),
    });
  }
  if (m.miniprogram) {
    puppet.miniPrograms.set(m.id, {
      ...(m.miniprogram.title ? { title: m.miniprogram.title } : {}),
      ...(m.miniprogram.appName ? { description: m.miniprogram.appName } : {}),
    });
  }
  if (m.file && (m.file.name || m.file.size || m.file.sha256)) {
    // The content is unknown; a sha256 in the md5 field is what the recorder trusts without reading.
    // (A file without a name gets FileBox's placeholder name: WeChat files always have one.)
    const box = FileBox.fromUuid(`sim-${m.id}`, {
      name: m.file.name ?? '',
      ...(m.file.size ? { size: m.file.size } : {}),
      ...(m.file.sha256 ? { md5: m.file.sha256 } : {}),
    });
    mocker.cacheFileBoxPayload.set(m.id, box.toJSON());
  }
  const mentionIds = m.mentionIds ?? [];
  mocker.MessageMock.create({
    id: m.id,
    talkerId: m.senderId,
    roomId: m.groupId,
    type: PUPPET_TYPE[m.type],
    text: m.text ?? '',
    timestamp: time,
    mentionIdList: m.mentionAll ? [MENTION_ALL_ID, ...mentionIds] : mentionIds,
  } as payloads.Message);
}
