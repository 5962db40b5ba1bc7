import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArchiveFormatError, detectFormat, sniffFormat } from '../../../src/ingest/archive/detect-format.js';
import { fixture } from './store-counts.js';

const WECHATMSG = 'wechatmsg/聊天记录/新浜镇党建工作群/新浜镇党建工作群_utf8.csv';

function temp(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'qingqun-detect-')), name);
  writeFileSync(path, content);
  return path;
}

describe('detectFormat', () => {
  it.each([
    ['wecom-messages.jsonl', 'wecom', 'wecom-messages', 'lines'],
    ['wecom-messages-array.json', 'wecom', 'wecom-messages', 'document'],
    ['wecom-groups.json', 'wecom', 'wecom-groups', 'document'],
    ['chatlog-messages.json', 'chatlog', 'chatlog-json', 'document'],
    ['chatlog-api.csv', 'chatlog', 'chatlog-csv', 'document'],
    ['chatlog-export.csv', 'chatlog', 'chatlog-csv', 'document'],
    [WECHATMSG, 'wechatmsg', 'wechatmsg-csv', 'document'],
    ['pywxdump-chat.csv', 'pywxdump', 'pywxdump-csv', 'document'],
    ['pywxdump-gb18030.csv', 'pywxdump', 'pywxdump-csv', 'document'],
    ['chatlab-group.json', 'chatlab', 'chatlab-json', 'document'],
    ['chatlab-group.jsonl', 'chatlab', 'chatlab-jsonl', 'lines'],
    ['roster.csv', 'roster', 'roster-csv', 'document'],
    ['roster.yaml', 'roster', 'roster-yaml', 'document'],
  ])('%s is %s (%s)', async (file, format, shape, layout) => {
    expect(await detectFormat(fixture(file))).toEqual({ format, shape, layout });
    expect(await detectFormat(fixture(file), format as never)).toMatchObject({ shape });
  });

  it.each([
    [
      'a one-line chatlog array',
      '[{"seq":1,"time":"2026-11-16T09:00:00+08:00","talker":"1@chatroom","isChatRoom":true}]',
      'chatlog-json',
      'document',
    ],
    [
      'chatlog JSON lines',
      '{"seq":1,"talker":"1@chatroom","isChatRoom":true}\n{"seq":2,"talker":"1@chatroom"}\n',
      'chatlog-json',
      'lines',
    ],
    [
      'a saved chatlog webhook body',
      '{"talker":"1@chatroom","sender":"","keyword":"","lastTime":"x","length":0,"messages":[]}',
      'chatlog-json',
      'lines',
    ],
    [
      'an encrypted WeCom record',
      '{"seq":1,"msgid":"a","publickey_ver":1,"encrypt_random_key":"k","encrypt_chat_msg":"x"}',
      'wecom-messages',
      'lines',
    ],
    [
      'WeCom details with the room id inside',
      '{"roomid":"wr1","roomname":"群","creator":"a","members":[]}',
      'wecom-groups',
      'lines',
    ],
    ['qingqun JSON Lines', '{"kind":"group","id":"g","name":"n","memberIds":[]}\n', 'jsonl', 'lines'],
    [
      'a minified ChatLab document',
      '{"chatlab":{"version":"0.0.2","exportedAt":1},"meta":{"name":"n","platform":"wechat","type":"group"},"messages":[]}',
      'chatlab-json',
      'document',
    ],
    ['an English roster header', 'group_id,member_id\n1@chatroom,u1\n', 'roster-csv', 'document'],
  ])('%s', async (_, content, shape, layout) => {
    expect(await sniffFormat(temp('x.txt', content))).toMatchObject({ shape, layout });
  });

  it.each([
    ['an unrelated CSV', 'id,name,price\n1,apple,3\n'],
    ['plain text', '王军 09:00\n收到\n'],
    ['an unrelated JSON object', '{"hello":"world"}'],
    ['an empty file', ''],
  ])('names the file and what it expected for %s', async (_, content) => {
    const path = temp('export.csv', content);
    const error = await detectFormat(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArchiveFormatError);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toMatch(
      /not a format qingqun can import: expected one of .*chatlog.*ChatLab/,
    );
  });

  it('refuses a file of another format than the one asked for, saying what it looks like', async () => {
    const error = (await detectFormat(fixture('pywxdump-chat.csv'), 'wechatmsg').catch(
      (e: unknown) => e,
    )) as Error;
    expect(error).toBeInstanceOf(ArchiveFormatError);
    expect(error.message).toBe(
      `${fixture('pywxdump-chat.csv')}: not a wechatmsg file: expected WeChatMsg/留痕 CSV ` +
        '(localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender); ' +
        'it looks like pywxdump (pywxdump-csv)',
    );
  });

  it('passes fs errors through', async () => {
    await expect(detectFormat('/nonexistent/qingqun/x.csv')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
