import type { Locale } from '../model/locale.js';
import type { Recommendation } from '../recommend/recommendation.js';
import { DIGEST_TEXT } from './digest-text.js';
import { splitMessageParts } from './split-message-parts.js';

/** One of the owner's groups, this week and last (null: nothing stored for last week). */
export interface DigestGroupFigures {
  id: string;
  name: string;
  members: number;
  messages: number;
  offHoursMessages: number;
  atAllMessages: number;
  previous: { messages: number; offHoursMessages: number; atAllMessages: number } | null;
  zombie: boolean;
  /** Fewer than minPeople members: listed by name only, counted in no total. */
  hidden?: boolean;
}

export interface OwnerDigestInput {
  week: string;
  /** Local dates (YYYY-MM-DD) of the week's Monday and Sunday. */
  firstDay: string;
  lastDay: string;
  owner: { id: string; name: string };
  /** Every group the owner owns, in the order to list them. */
  groups: DigestGroupFigures[];
  /** This week's findings touching the owner's groups. */
  burden: Record<'duplicates' | 'rollCalls' | 'ackFloods' | 'likeSpam' | 'photoProof' | 'rushed', number>;
  /** Open recommendations for the owner; numbered 1..n in this order (the numbers 采纳 N refers to). */
  recommendations: readonly Recommendation[];
  /** Accepted recommendations still observed this week (listed, not numbered). */
  accepted: readonly Recommendation[];
  /** How many recommendations get evidence and savings; the rest one line each. */
  detailed: number;
  maxPartChars: number;
  /** Weeks a dismissed recommendation stays quiet (for the instructions). */
  dismissWeeks: number;
  /** recommend.minPeople, for the line of a hidden group (default 5). */
  minPeople?: number;
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
const pct = (s: number) => `${Math.round(s * 100)}%`;

function evidenceLine(r: Recommendation, t: (typeof DIGEST_TEXT)[Locale]): string {
  const f = r.evidence.figures;
  const e = t.evidenceOf;
  const days = r.evidence.dates.map(t.day);
  let head: string;
  if (r.kind === 'merge') head = e.merge(f);
  else if (r.kind === 'archive')
    head =
      r.evidence.basis === 'relay'
        ? e.relay(f)
        : e.zombie(f, days.length > 0 ? (days[days.length - 1] as string) : null);
  else if (r.kind === 'dedupe-notices') head = e.dedupe(f);
  else if (r.kind === 'replace-rollcall') head = e.rollCall(f);
  else if (r.kind === 'curb-likes') head = e.likes(f);
  else if (r.kind === 'stop-photo-proof') head = e.photo(f);
  else if (r.kind === 'quiet-hours') head = e.quiet(f);
  else head = e.rush(f);
  const clauses = [head];
  if (days.length > 0 && r.evidence.basis !== 'zombie') clauses.push(t.dates(days.join(t.listSep)));
  if (r.evidence.excerpts.length > 0)
    clauses.push(t.example(r.evidence.excerpts.map((x) => t.quote(x.text)).join(t.listSep)));
  return t.evidence(clauses.join(t.clauseSep));
}

function savingsLine(r: Recommendation, t: (typeof DIGEST_TEXT)[Locale]): string {
  const s = r.savings;
  if (r.kind === 'quiet-hours') return t.movesQuiet(s.messagesPerMemberPerWeek, s.minutesPerWeek);
  if (r.kind === 'avoid-rush') return t.savesRush(s.minutesPerWeek);
  if (r.evidence.basis === 'zombie') return t.savesZombie(r.evidence.figures.members ?? 0);
  return t.saves(s.messagesPerMemberPerWeek, s.minutesPerWeek);
}

/**
 * The owner's weekly digest as WeChat message parts (each ≤ maxPartChars, split at paragraph or
 * line boundaries): the week in numbers against last week for all their groups, the numbered open
 * recommendations (the first `detailed` with evidence and savings), how to accept or dismiss, the
 * accepted ones still observed. Group aggregates only; members are never named or ranked. Pure.
 */
export function renderOwnerDigest(input: OwnerDigestInput, locale: Locale): string[] {
  const t = DIGEST_TEXT[locale];
  const was = (now: string, before: string | null) => (before === null ? now : t.was(now, before));
  // Totals cover the shown groups only: a hidden group's figures cannot be had by subtraction.
  const shown = input.groups.filter((g) => !g.hidden);
  const sum = (pick: (g: DigestGroupFigures) => number) => shown.reduce((n, g) => n + pick(g), 0);
  const prevGroups = shown.filter((g) => g.previous !== null);
  const prevSum = (pick: (p: NonNullable<DigestGroupFigures['previous']>) => number) =>
    prevGroups.length === 0
      ? null
      : prevGroups.reduce((n, g) => n + pick(g.previous as NonNullable<typeof g.previous>), 0);
  const messages = sum((g) => g.messages);
  const prevMessages = prevSum((p) => p.messages);
  const prevOff = prevSum((p) => p.offHoursMessages);
  const prevAtAll = prevSum((p) => p.atAllMessages);

  const paragraphs: string[] = [
    `${t.title(input.week, t.day(input.firstDay), t.day(input.lastDay))}\n${t.hello(input.owner.name, input.groups.length)}`,
  ];
  const numbers = [
    t.numbersHead,
    t.totals(
      was(t.count(messages, 'msg'), prevMessages === null ? null : String(prevMessages)),
      was(
        pct(
          share(
            sum((g) => g.offHoursMessages),
            messages,
          ),
        ),
        prevOff === null ? null : pct(share(prevOff, prevMessages ?? 0)),
      ),
      was(
        t.count(
          sum((g) => g.atAllMessages),
          'times',
        ),
        prevAtAll === null ? null : String(prevAtAll),
      ),
    ),
    t.burden(input.burden),
  ];
  for (const g of input.groups) {
    if (g.hidden) numbers.push(t.hiddenGroup(g.name, input.minPeople ?? 5));
    else if (g.zombie) numbers.push(t.zombie(g.name, g.members));
    else
      numbers.push(
        t.group(
          g.name,
          g.members,
          was(String(g.messages), g.previous === null ? null : String(g.previous.messages)),
          pct(share(g.offHoursMessages, g.messages)),
          g.atAllMessages,
        ),
      );
  }
  paragraphs.push(numbers.join('\n'));

  if (input.recommendations.length === 0) paragraphs.push(t.noRecs);
  else {
    paragraphs.push(`${t.recsHead(input.recommendations.length)}\n${t.howTo(1, input.dismissWeeks)}`);
    const detailed = input.recommendations.slice(0, input.detailed);
    detailed.forEach((r, i) => {
      paragraphs.push([t.item(i + 1, r.reason), evidenceLine(r, t), savingsLine(r, t)].join('\n'));
    });
    const rest = input.recommendations.slice(input.detailed);
    if (rest.length > 0) {
      paragraphs.push(
        [t.othersHead, ...rest.map((r, i) => t.item(detailed.length + i + 1, r.reason))].join('\n'),
      );
    }
  }
  if (input.accepted.length > 0) {
    paragraphs.push([t.acceptedHead, ...input.accepted.map((r) => t.accepted(r.reason))].join('\n'));
  }
  paragraphs.push(t.note);
  return splitMessageParts(paragraphs.join('\n\n'), input.maxPartChars);
}
