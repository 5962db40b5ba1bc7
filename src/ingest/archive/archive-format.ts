/**
 * The archive formats `qingqun import --format NAME` accepts, and what each one expects (the words a
 * wrong-format error uses). docs/IMPORTERS.md describes each with a sample.
 */
export const ARCHIVE_FORMATS = [
  'wecom',
  'chatlog',
  'wechatmsg',
  'pywxdump',
  'chatlab',
  'roster',
  'jsonl',
] as const;

export type ArchiveFormat = (typeof ARCHIVE_FORMATS)[number];

/**
 * The shape a file has within its format: it decides the reader. `source` is what messages are stored
 * under; with the platform's message id it makes re-imports no-ops.
 */
export const SHAPES = {
  'wecom-messages': { format: 'wecom', source: 'wecom' },
  'wecom-groups': { format: 'wecom', source: 'wecom' },
  'chatlog-json': { format: 'chatlog', source: 'chatlog' },
  'chatlog-csv': { format: 'chatlog', source: 'chatlog-csv' },
  'wechatmsg-csv': { format: 'wechatmsg', source: 'wechatmsg' },
  'pywxdump-csv': { format: 'pywxdump', source: 'pywxdump' },
  'chatlab-json': { format: 'chatlab', source: 'chatlab' },
  'chatlab-jsonl': { format: 'chatlab', source: 'chatlab' },
  'roster-csv': { format: 'roster', source: 'roster' },
  'roster-yaml': { format: 'roster', source: 'roster' },
  jsonl: { format: 'jsonl', source: 'jsonl' },
} as const satisfies Record<string, { format: ArchiveFormat; source: string }>;

export type ArchiveShape = keyof typeof SHAPES;

export const EXPECTED: Record<ArchiveFormat, string> = {
  wecom:
    'WeCom 会话内容存档 records (decrypted GetChatData: JSON with msgid, action, msgtime, msgtype) ' +
    'or groupchat/get details (roomid, roomname, creator, members)',
  chatlog:
    'chatlog JSON (seq, time, talker, isChatRoom, sender, type, content) ' +
    'or CSV (Time,SenderName,Sender,TalkerName,Talker,Content)',
  wechatmsg:
    'WeChatMsg/留痕 CSV (localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender)',
  pywxdump:
    'PyWxDump CSV (id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime, ' +
    'or the older id,MsgSvrID,type_name,is_sender,talker,room_name,content,CreateTime)',
  chatlab: 'ChatLab JSON ({chatlab, meta, members, messages}) or JSONL (_type header/member/message lines)',
  roster:
    'a roster: CSV (group_id,group_name,owner_id,unit,member_id,member_name,member_unit) or YAML (groups: […])',
  jsonl: 'qingqun JSON Lines (one {"kind":"group"|"contact"|"message",…} per line)',
};

export function isArchiveFormat(name: string): name is ArchiveFormat {
  return (ARCHIVE_FORMATS as readonly string[]).includes(name);
}
