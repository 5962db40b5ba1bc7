import { createHash } from 'node:crypto';
import { FileBox } from 'file-box';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type payloads, types } from 'wechaty';
import { type RecordingBot, startRecordingBot } from './recording-bot.js';

const ALL_TIME = { week: 'all', from: 0, to: Number.MAX_SAFE_INTEGER };
const T0 = Date.parse('2026-11-17T09:12:05+08:00');
const DANGJIAN = 'g-dangjian@chatroom';
// No '@': the simulation puppet must not depend on the stock mock's routing by '@'.
const WENMING = 'g-wenming';

const docx = Buffer.from('关于开展冬季安全生产大检查的通知（正文）');
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const gif = Buffer.from('GIF89a-sticker');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let rb: RecordingBot;

beforeEach(async () => {
  rb = await startRecordingBot({
    ownerOverrides: { [WENMING]: 'u-li' },
    groupUnits: { [DANGJIAN]: '新浜街道党建办' },
    contactUnits: { 'u-wang': '街道领导班子' },
  });
  const { mocker, bot } = rb;
  const me = mocker.createContact({ id: 'qingqun-bot', name: 'qingqun' });
  mocker.createContact({ id: 'u-wang', name: '王军' });
  mocker.createContact({ id: 'u-li', name: '李娜' });
  mocker.createContact({ id: 'u-zhang', name: '张伟' });
  mocker.createRoom({
    id: DANGJIAN,
    topic: '街道党建工作群',
    ownerId: 'u-wang',
    adminIdList: ['u-wang'],
    memberIdList: ['qingqun-bot', 'u-wang', 'u-li', 'u-zhang'],
  });
  mocker.createRoom({ id: WENMING, topic: '文明创建群', memberIdList: ['qingqun-bot', 'u-li', 'u-zhang'] });
  await new Promise<void>((resolve) => {
    bot.once('login', () => resolve());
    mocker.login(me);
  });
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rb.stop();
});

type Post = Partial<payloads.Message> & { id: string; type: types.Message };

/** Creates messages as a puppet would deliver them and waits until the recorder handled them. */
async function post(...messages: Post[]) {
  rb.tally.expect(messages.map((m) => m.id));
  for (const m of messages) {
    rb.mocker.MessageMock.create({
      talkerId: 'u-wang',
      roomId: DANGJIAN,
      text: '',
      timestamp: T0,
      ...m,
    } as payloads.Message);
    rb.puppet.emit('message', { messageId: m.id });
  }
  return rb.tally.settle();
}

function stored() {
  const week = rb.store.weekData.load(ALL_TIME);
  return { ...week, byId: new Map(week.messages.map((m) => [m.id, m])) };
}

describe('recorderPlugin on the simulation puppet', () => {
  it('stores one message of every type with its details, group, owner and roster', async () => {
    const { puppet, mocker } = rb;
    puppet.links.set('m-link', {
      title: '关于做好2026年冬季安全生产工作的通知',
      url: 'https://www.example.gov.cn/tzgg/1234.html',
      description: '各社区、各部门：',
    });
    mocker.cacheFileBoxPayload.set(
      'm-file',
      FileBox.fromBase64(docx.toString('base64'), '安全检查通知.docx').toJSON(),
    );
    mocker.cacheFileBoxPayload.set(
      'm-image',
      FileBox.fromBase64(png.toString('base64'), 'checkin.png').toJSON(),
    );
    mocker.cacheFileBoxPayload.set(
      'm-sticker',
      FileBox.fromBase64(gif.toString('base64'), 'like.gif').toJSON(),
    );
    puppet.miniPrograms.set('m-mini', { title: '周五志愿服务报名', description: '群接龙', appid: 'wx123' });
    const settled = await post(
      {
        id: 'm-text',
        type: types.Message.Text,
        text: '@所有人\u2005请各社区今天17:00前报送材料 @李娜\u2005',
        mentionIdList: ['u-li'],
      },
      {
        id: 'm-notify',
        type: types.Message.Text,
        text: '请大家注意查收',
        mentionIdList: ['notify@all', 'u-zhang'],
      },
      {
        id: 'm-plain',
        type: types.Message.Text,
        text: '收到',
        talkerId: 'u-zhang',
        timestamp: T0 / 1000 + 60,
      },
      { id: 'm-link', type: types.Message.Url, text: '<msg><appmsg><title>x</title></appmsg></msg>' },
      { id: 'm-file', type: types.Message.Attachment },
      { id: 'm-image', type: types.Message.Image, talkerId: 'u-li' },
      { id: 'm-mini', type: types.Message.MiniProgram },
      { id: 'm-sticker', type: types.Message.Emoticon, talkerId: 'u-zhang' },
      { id: 'm-recall', type: types.Message.Recalled, text: 'm-text' },
      { id: 'm-note', type: types.Message.GroupNote, text: '#接龙\n周五志愿服务\n1. 王军' },
      { id: 'm-system', type: types.Message.Unknown, text: '"张伟"修改群名为"街道党建工作群"' },
      { id: 'm-voice', type: types.Message.Audio, roomId: WENMING, talkerId: 'u-li' },
    );
    expect(settled).toEqual({
      outcomes: { inserted: 12, duplicate: 0, conflict: 0, skipped: 0, failed: 0 },
      missing: [],
    });

    const { byId, groups, contacts } = stored();
    expect(byId.get('m-text')).toMatchObject({
      source: 'wechaty',
      groupId: DANGJIAN,
      senderId: 'u-wang',
      time: T0,
      type: 'text',
      text: '@所有人\u2005请各社区今天17:00前报送材料 @李娜\u2005',
      mentionAll: true,
      mentionIds: ['u-li'],
    });
    expect(byId.get('m-notify')).toMatchObject({ mentionAll: true, mentionIds: ['u-zhang'] });
    expect(byId.get('m-plain')).toMatchObject({ time: T0 + 60_000, mentionAll: false, senderId: 'u-zhang' });
    expect(byId.get('m-link')).toMatchObject({
      type: 'link',
      text: null,
      link: {
        title: '关于做好2026年冬季安全生产工作的通知',
        url: 'https://www.example.gov.cn/tzgg/1234.html',
        description: '各社区、各部门：',
      },
    });
    expect(byId.get('m-file')).toMatchObject({
      type: 'file',
      file: { name: '安全检查通知.docx', size: docx.length, sha256: sha256(docx) },
    });
    expect(byId.get('m-image')).toMatchObject({
      type: 'image',
      senderId: 'u-li',
      file: { name: 'checkin.png', size: png.length, sha256: sha256(png) },
    });
    expect(byId.get('m-mini')).toMatchObject({
      type: 'miniprogram',
      miniprogram: { title: '周五志愿服务报名', appName: '群接龙' },
    });
    expect(byId.get('m-sticker')).toMatchObject({ type: 'emoticon', file: { sha256: sha256(gif) } });
    expect(byId.get('m-recall')).toMatchObject({ type: 'recalled', text: 'm-text' });
    expect(byId.get('m-note')).toMatchObject({ type: 'text', text: '#接龙\n周五志愿服务\n1. 王军' });
    expect(byId.get('m-system')).toMatchObject({ type: 'system' });
    expect(byId.get('m-voice')).toMatchObject({ type: 'other', groupId: WENMING, file: null });

    expect(groups.map((g) => [g.id, g.name, g.ownerId, g.unit])).toEqual([
      [DANGJIAN, '街道党建工作群', 'u-wang', '新浜街道党建办'],
      [WENMING, '文明创建群', 'u-li', null],
    ]);
    // The login snapshot: every member except the bot itself.
    await rb.recorder.idle();
    const roster = stored().members;
    expect(roster.get(DANGJIAN)?.sort()).toEqual(['u-li', 'u-wang', 'u-zhang']);
    expect(roster.get(WENMING)?.sort()).toEqual(['u-li', 'u-zhang']);
    expect(contacts.get('u-wang')).toEqual({ id: 'u-wang', name: '王军', unit: '街道领导班子' });
  });

  it('stores every GroupNote (native 接龙) as a roll-call post, whatever the puppet hands over', async () => {
    const xml =
      '<msg><appmsg appid="" sdkver="0"><title>#接龙\n周五志愿服务\n\n1. 王军\n2. 李娜</title><type>53</type></appmsg></msg>';
    const settled = await post(
      { id: 'note-xml', type: types.Message.GroupNote, text: xml },
      { id: 'note-empty', type: types.Message.GroupNote, text: '' },
      { id: 'note-en', type: types.Message.GroupNote, text: '#Group Note\n周五志愿服务\n1. 王军' },
    );
    expect(settled.outcomes.inserted).toBe(3);
    const { byId } = stored();
    expect(byId.get('note-xml')).toMatchObject({
      type: 'text',
      text: '#接龙\n周五志愿服务\n\n1. 王军\n2. 李娜',
    });
    expect(byId.get('note-empty')).toMatchObject({ type: 'text', textClass: 'roll-call' });
    expect(byId.get('note-en')).toMatchObject({ type: 'text', textClass: 'roll-call' });
  });

  it('stores a replayed message once', async () => {
    const first = await post({ id: 'm-1', type: types.Message.Text, text: '收到' });
    expect(first.outcomes.inserted).toBe(1);
    rb.tally.expect(['m-1']);
    rb.puppet.emit('message', { messageId: 'm-1' });
    const replay = await rb.tally.settle();
    expect(replay.outcomes).toMatchObject({ inserted: 0, duplicate: 1 });
    expect(stored().messages.filter((m) => m.id === 'm-1')).toHaveLength(1);
  });

  it('logs a failing handler with ids only and keeps recording', async () => {
    const secret = '绝密：明天上午检查组到达';
    vi.spyOn(rb.store.messages, 'insert').mockImplementationOnce(() => {
      throw new Error('disk I/O error');
    });
    const failed = await post({ id: 'm-boom', type: types.Message.Text, text: secret });
    expect(failed.outcomes.failed).toBe(1);
    // An id the puppet cannot load: Wechaty reports it as an 'error' event, which must not end the bot.
    rb.puppet.emit('message', { messageId: 'm-unknown' });
    const after = await post({ id: 'm-after', type: types.Message.Text, text: secret });
    expect(after.outcomes.inserted).toBe(1);

    const errors = rb.logs.filter((l) => l.level === 'error');
    expect(errors).toEqual([
      {
        level: 'error',
        msg: 'recording a message failed',
        data: { messageId: 'm-boom', error: 'disk I/O error' },
      },
    ]);
    await vi.waitFor(() =>
      expect(rb.logs.some((l) => l.level === 'warn' && String(l.data?.error).includes('m-unknown'))).toBe(
        true,
      ),
    );
    expect(JSON.stringify(rb.logs)).not.toContain('绝密');
    expect([...stored().byId.keys()]).toEqual(['m-after']);
  });

  it('skips 1:1 messages and hands them to onPrivateMessage, surviving its failures', async () => {
    await rb.stop();
    const privateIds: string[] = [];
    rb = await startRecordingBot({
      onPrivateMessage: (msg) => {
        privateIds.push(msg.id);
        if (msg.id === 'p-1') throw new Error('command parser broke');
      },
    });
    const me = rb.mocker.createContact({ id: 'qingqun-bot', name: 'qingqun' });
    rb.mocker.createContact({ id: 'u-li', name: '李娜' });
    await new Promise<void>((resolve) => {
      rb.bot.once('login', () => resolve());
      rb.mocker.login(me);
    });
    rb.tally.expect(['p-1', 'p-2']);
    for (const id of ['p-1', 'p-2']) {
      rb.mocker.MessageMock.create({
        id,
        talkerId: 'u-li',
        listenerId: 'qingqun-bot',
        type: types.Message.Text,
        text: '查看本周报告',
        timestamp: T0,
      } as payloads.Message);
      rb.puppet.emit('message', { messageId: id });
    }
    expect((await rb.tally.settle()).outcomes.skipped).toBe(2);
    expect(privateIds.sort()).toEqual(['p-1', 'p-2']);
    expect(rb.logs.filter((l) => l.level === 'error')).toEqual([
      {
        level: 'error',
        msg: 'handling a private message failed',
        data: { messageId: 'p-1', error: 'command parser broke' },
      },
    ]);
    expect(stored().messages).toEqual([]);
  });

  it('records joins, leaves and topic changes with a fresh roster snapshot', async () => {
    const { mocker } = rb;
    const room = mocker.RoomMock.load(DANGJIAN);
    const wang = mocker.ContactMock.load('u-wang');
    const zhao = mocker.createContact({ id: 'u-zhao', name: '赵敏' });
    room.add(zhao).by(wang);
    room.topic('街道党建与文明创建工作群').by(wang);
    room.remove(mocker.ContactMock.load('u-li')).by(wang);
    const events = () =>
      rb.store.db
        .prepare('SELECT kind, actor_id AS actorId, detail FROM room_events WHERE group_id = ? ORDER BY id')
        .all(DANGJIAN);
    await vi.waitFor(() => expect(events()).toHaveLength(3));
    expect(events()).toEqual(
      expect.arrayContaining([
        { kind: 'join', actorId: 'u-zhao', detail: JSON.stringify({ by: 'u-wang' }) },
        { kind: 'leave', actorId: 'u-li', detail: JSON.stringify({ by: 'u-wang' }) },
        {
          kind: 'topic',
          actorId: 'u-wang',
          detail: JSON.stringify({ from: '街道党建工作群', to: '街道党建与文明创建工作群' }),
        },
      ]),
    );
    await vi.waitFor(() =>
      expect(stored().members.get(DANGJIAN)?.sort()).toEqual(['u-wang', 'u-zhang', 'u-zhao']),
    );
    expect(stored().groups.find((g) => g.id === DANGJIAN)?.name).toBe('街道党建与文明创建工作群');
    expect(rb.logs.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('captures what the bot sends and records its own room messages', async () => {
    const room = await rb.bot.Room.find({ id: WENMING });
    if (!room) throw new Error('room not found');
    await room.say('本周群务摘要：共 3 条通知，请各位群主按时查阅');
    await room.say(FileBox.fromBuffer(png, 'weekly.png'));
    await room.say(new rb.bot.UrlLink({ title: '本周报告', url: 'https://qingqun.example/r/1' }));
    expect(rb.sent.map((s) => [s.kind, s.conversationId])).toEqual([
      ['text', WENMING],
      ['file', WENMING],
      ['url', WENMING],
    ]);
    expect(rb.sent[0]?.text).toBe('本周群务摘要：共 3 条通知，请各位群主按时查阅');
    await vi.waitFor(() => expect(stored().messages).toHaveLength(3));
    await rb.recorder.idle();
    const byId = stored().byId;
    const [text, file, url] = rb.sent.map((s) => byId.get(s.messageId));
    expect(text).toMatchObject({
      senderId: 'qingqun-bot',
      groupId: WENMING,
      type: 'text',
      text: '本周群务摘要：共 3 条通知，请各位群主按时查阅',
    });
    expect(file).toMatchObject({
      type: 'image',
      file: { name: 'weekly.png', size: png.length, sha256: sha256(png) },
    });
    expect(url).toMatchObject({
      type: 'link',
      link: { title: '本周报告', url: 'https://qingqun.example/r/1' },
    });
  });

  it('separates a quote reply (引用回复): the quoted @所有人 and deadline stay with the quote', async () => {
    const notice = '@所有人 请各社区今天下班前将走访情况报送党政办';
    await post(
      { id: 'm-notice', type: types.Message.Text, text: notice, timestamp: T0 },
      {
        id: 'm-quote',
        type: types.Message.Text,
        talkerId: 'u-li',
        text: `「王军：${notice}」\n- - - - - - - - - - - - - - -\n东湖社区李娜收到`,
        timestamp: T0 + 60_000,
      },
    );
    const { byId } = stored();
    expect(byId.get('m-notice')).toMatchObject({ mentionAll: true, textClass: 'instruction' });
    expect(byId.get('m-quote')).toMatchObject({
      text: null,
      textClass: 'ack',
      mentionAll: false,
      textLength: 8,
      quote: { senderName: '王军', excerpt: null },
    });
  });
});
