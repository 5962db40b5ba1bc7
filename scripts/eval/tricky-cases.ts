import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { GroundTruth } from '../../src/model/ground-truth.js';
import type { InterchangeRecord, MessageRecord } from '../../src/model/interchange.js';

export const TRICKY_TRUTH_PATH = 'eval/tricky-cases.yaml';
const SOURCE = fileURLToPath(new URL('../../eval/tricky-cases.yaml', import.meta.url));
/** The JSON Lines form of the cases, written by `loadTrickyTruth`. */
export const TRICKY_CASES_PATH = join(tmpdir(), 'qingqun-tricky-cases.jsonl');

interface Case {
  id: string;
  group: string;
  from: string;
  at: string;
  text?: string;
  type?: MessageRecord['type'];
  mention?: boolean;
  link?: MessageRecord['link'];
  file?: MessageRecord['file'];
  dup?: string;
  rollCall?: string;
  ack?: string;
  like?: string;
  photo?: string;
  rushed?: boolean;
}

interface CaseFile {
  week: string;
  contacts: { id: string; name: string; unit: string }[];
  groups: { id: string; name: string; owner: string; members: string[] }[];
  messages: Case[];
}

function grouped(cases: Case[], key: (c: Case) => string | undefined): Map<string, Case[]> {
  const out = new Map<string, Case[]>();
  for (const c of cases) {
    const k = key(c);
    if (k === undefined) continue;
    out.set(k, [...(out.get(k) ?? []), c]);
  }
  return out;
}

/** Reads the hand-labelled YAML, writes it as JSON Lines to TRICKY_CASES_PATH, returns its truth. */
export function loadTrickyTruth(): GroundTruth {
  const file = parse(readFileSync(SOURCE, 'utf8')) as CaseFile;
  const records: InterchangeRecord[] = [
    ...file.contacts.map((c) => ({ kind: 'contact' as const, ...c })),
    ...file.groups.map((g) => ({
      kind: 'group' as const,
      id: g.id,
      name: g.name,
      ownerId: g.owner,
      memberIds: g.members,
      createdAt: '2025-01-06T09:00:00+08:00',
    })),
    ...file.messages.map((c) => ({
      kind: 'message' as const,
      id: c.id,
      groupId: c.group,
      senderId: c.from,
      time: `${c.at}:00+08:00`,
      type: c.type ?? 'text',
      text: c.text ?? null,
      mentionAll: c.mention ?? false,
      link: c.link ?? null,
      file: c.file ?? null,
    })),
  ];
  writeFileSync(TRICKY_CASES_PATH, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  const m = file.messages;
  const byId = new Map(m.map((c) => [c.id, c]));
  const flood = (key: 'ack' | 'like') =>
    [...grouped(m, (c) => c[key])].map(([trigger, replies]) => ({
      groupId: byId.get(trigger)?.group ?? '',
      triggerMessageId: trigger,
      messageIds: replies.map((r) => r.id),
    }));
  return {
    seed: 0,
    weeks: [file.week],
    duplicates: [...grouped(m, (c) => c.dup).values()].map((cs) => ({ messageIds: cs.map((c) => c.id) })),
    rollCalls: [...grouped(m, (c) => c.rollCall).values()].map((cs) => ({
      groupId: cs[0]?.group ?? '',
      messageIds: cs.map((c) => c.id),
    })),
    ackFloods: flood('ack'),
    likeSpam: flood('like'),
    photoProof: [...grouped(m, (c) => c.photo)].map(([demand, cs]) => ({
      groupId: byId.get(demand)?.group ?? '',
      demandMessageId: demand,
      messageIds: cs.filter((c) => c.id !== demand).map((c) => c.id),
    })),
    rushedRequests: m.filter((c) => c.rushed).map((c) => ({ groupId: c.group, messageId: c.id })),
    zombieGroups: [],
    mergeCandidates: [],
    relayGroups: [],
  };
}
