import type { StoredMessage } from '../../model/message.js';
import { excerptOf } from '../../recommend/rule-context.js';
import { maskPhoneNumbers } from './mask-phone-numbers.js';
import type { PageTools } from './page-context.js';
import type { Column, Row } from './page-data.js';

export const FINDING_COLUMNS: Column[] = [
  { key: 'kind', kind: 'enum' },
  { key: 'group', kind: 'text' },
  { key: 'time', kind: 'time' },
  { key: 'excerpt', kind: 'text' },
  { key: 'people', kind: 'number' },
  { key: 'messages', kind: 'number' },
  { key: 'hoursGiven', kind: 'decimal' },
];

/**
 * The week's findings in the given groups, in time order, each with a short excerpt of the message
 * that triggered it (a notice, a request, a demand — never a member's reply). Groups whose figures
 * are hidden are left out; a finding about fewer than `minPeople` people shows "—" for its people
 * and messages.
 */
export function findingRows(tools: PageTools, groupIds: ReadonlySet<string>, minPeople: number): Row[] {
  const { view } = tools;
  const f = view.analysis.findings;
  const shown = (g: string) => groupIds.has(g) && tools.shows(g);
  const out: { time: number; row: Row }[] = [];
  const add = (
    kind: string,
    groupId: string,
    trigger: string | null,
    time: number,
    people: number | null,
    messages: number,
    hoursGiven: number | null = null,
  ) => {
    const small = people !== null && people < minPeople;
    out.push({
      time,
      row: {
        cells: {
          kind,
          group: tools.groupName(groupId),
          time,
          excerpt: trigger,
          people: small ? null : people,
          messages: small ? null : messages,
          hoursGiven: hoursGiven === null ? null : Math.round(hoursGiven * 10) / 10,
        },
        links: linkOf(tools, groupId),
      },
    });
  };
  // Mobile numbers are masked before the excerpt is cut, so none is left half shown.
  const excerpt = (id: string | null | undefined) => {
    const m = id ? view.messages.get(id) : undefined;
    const masked = m && m.text !== null ? { ...m, text: maskPhoneNumbers(m.text) } : m;
    return excerptOf(masked, view.calendar)?.text ?? null;
  };
  for (const c of f.duplicates) {
    const copies = c.messageIds
      .map((id) => view.messages.get(id))
      .filter((m): m is StoredMessage => m !== undefined && shown(m.groupId));
    const first = copies[0];
    if (first) add('duplicate', first.groupId, excerpt(first.id), first.time, null, copies.length);
  }
  // A chain's first post lists members' names: only the request, or the chain's description, is cited.
  const rollCallExcerpt = (requestId: string | null, title: string) =>
    requestId !== null ? excerpt(requestId) : shorten(maskPhoneNumbers(title));
  for (const r of f.rollCalls) {
    if (shown(r.groupId))
      add(
        'rollCall',
        r.groupId,
        rollCallExcerpt(r.requestMessageId, r.title),
        r.firstAt,
        r.participants,
        r.posts,
      );
  }
  for (const a of f.ackFloods) {
    if (shown(a.groupId))
      add('ackFlood', a.groupId, excerpt(a.triggerMessageId), a.firstAt, a.repliers, a.messageIds.length);
  }
  for (const l of f.likeSpam) {
    if (shown(l.groupId))
      add('likeSpam', l.groupId, excerpt(l.triggerMessageId), l.firstAt, l.repliers, l.messageIds.length);
  }
  for (const p of f.photoProof) {
    if (shown(p.groupId))
      add('photoProof', p.groupId, excerpt(p.demandMessageId), p.demandAt, p.senders, p.messageIds.length);
  }
  for (const r of f.rushedRequests) {
    if (shown(r.groupId)) add('rushed', r.groupId, excerpt(r.messageId), r.postedAt, null, 1, r.hoursGiven);
  }
  return out.sort((a, b) => a.time - b.time).map((x) => x.row);
}

function linkOf(tools: PageTools, groupId: string): Record<string, string> | undefined {
  const href = tools.groupLink(groupId);
  return href === undefined ? undefined : { group: href };
}

const EXCERPT_CHARS = 30;

function shorten(text: string): string | null {
  const points = Array.from(text.replace(/\s+/g, ' ').trim());
  if (points.length === 0) return null;
  return points.length > EXCERPT_CHARS ? `${points.slice(0, EXCERPT_CHARS - 1).join('')}…` : points.join('');
}
