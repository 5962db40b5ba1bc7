/** What the bot says in private chat, in English (locale: en). Mirrors converse-text-zh.ts. */
import type { ConverseText } from './converse-text-zh.js';

const pct = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;
const s = (n: number) => (n === 1 ? '' : 's');

export const CONVERSE_TEXT_EN: ConverseText = {
  listSep: ', ',
  role: { member: 'members of a work group', owner: 'group owners', supervisor: 'supervisors' },
  refusedRole: (word, role) =>
    `Sorry, "${word}" is only for ${role}, so you cannot use it. Send "help" to see the commands you can use.`,
  refusedOthers: (word) => `Sorry, "${word}" only shows your own data, never someone else's.`,
  unknown: 'I did not understand that. Send "help" to see the commands.',
  failed: 'Sorry, I cannot do that right now. Please try again later.',
  unavailable: 'Sorry, this is not available yet.',
  badNumbers: (word) => `Please put a number after "${word}", e.g. "${word} 1".`,
  helpHead: 'qingqun — send me one of these in private chat:',
  help: {
    help: 'help (帮助) — this list',
    groups: 'groups (我的群) — your groups, and how much of each one’s notices also reaches you elsewhere',
    'mute-suggestions':
      'mute (静音建议) — groups you can mute safely (every notice also reached a group you keep)',
    mute: 'mute N (静音 N) — note that you muted group N (numbers as in "groups")',
    unmute: 'unmute N (取消静音 N) — stop counting group N as muted',
    subscribe:
      'subscribe (订阅) — a daily digest of what only your muted groups carried, and @-mentions of you',
    unsubscribe: 'unsubscribe (退订) — stop the daily digest',
    optout: 'optout (退出记录) — from now on keep only counts of your messages, not their content',
    optin: 'optin (恢复记录) — undo optout',
    mydata: 'mydata (我的数据) — what is stored about you',
    digest: 'digest (周报) — your owner digest of last week, now',
    accept: 'accept N (采纳 N) — accept recommendation N of your digest',
    dismiss: 'dismiss N (忽略 N) — dismiss recommendation N of your digest',
    audit: 'audit (审计) — last week’s audit (aggregates only)',
  },
  helpFoot: 'The Chinese words work too.',
  groupsHead: (count, first, last) => `Your ${count} work group${s(count)} (${first} to ${last}):`,
  noGroups: 'I have not seen you in any work group, so there is nothing to show.',
  groupLine: (no, name, tags) => `${no}. ${name}${tags.length > 0 ? ` (${tags.join(', ')})` : ''}`,
  tagOwned: 'you own it',
  tagMuted: 'muted',
  groupNotices: (notices, elsewhere) =>
    notices === 0
      ? '   no notices in these weeks'
      : `   ${notices} notice${s(notices)}, ${elsewhere} (${pct(elsewhere, notices)}) also reached you in another group`,
  groupHidden: '   fewer than 5 members: no figures shown',
  groupsFoot: 'Send "mute" to see which groups you can mute safely.',
  groupsLimit: (count, limit) =>
    count > limit
      ? `You are in ${count} work groups, ${count - limit} more than the limit of ${limit} per member.`
      : `You are in ${count} work group${s(count)}, within the limit of ${limit} per member.`,
  suggestHead: (count, first, last) =>
    `From ${first} to ${last}, every notice of these ${count} group${s(count)} also reached a group you keep, so you can mute them safely:`,
  noSuggestions: (first, last) =>
    `From ${first} to ${last}, each of your other groups carried a notice found nowhere else (or you own it): nothing more to mute safely yet.`,
  suggestLine: (no, name) => `${no}. ${name}`,
  suggestCovered: (notices, names) =>
    notices === 0
      ? '   no notices in these weeks'
      : `   all ${notices} notice${s(notices)} also reached you in ${names.map((n) => `"${n}"`).join(', ')}`,
  suggestHidden: '   fewer than 5 members: no figures shown; every notice also reached a group you keep',
  suggestLeftOut: (unsafe, owned, muted, advisedKeep = 0) =>
    [
      unsafe > 0 ? `${unsafe} other group${s(unsafe)} carried notices found nowhere else: not suggested` : '',
      advisedKeep > 0
        ? `${advisedKeep} group${s(advisedKeep)} this week's advice tells the owners to keep (merges and archives send the notices there): not suggested`
        : '',
      owned > 0 ? `the ${owned} group${s(owned)} you own are not suggested` : '',
      muted > 0 ? `${muted} already muted` : '',
    ]
      .filter(Boolean)
      .join('; '),
  suggestFoot: (at) =>
    `Once you have muted them in WeChat, reply "mute N" to note it — or just reply "subscribe" to note all of the above: every day${at}I will send you what only your muted groups carried, and any @-mention of you.`,
  muted: (names) => `Noted as muted: ${names.join(', ')}.`,
  mutedWarn: (names) =>
    `Note: ${names.join(', ')} carried notices found nowhere else (or you own it); keep an eye on the daily digest.`,
  mutedFoot: 'Reply "subscribe" for a daily digest of what only your muted groups carried.',
  unmuted: (names) => `No longer muted: ${names.join(', ')}.`,
  notMuted: 'Those groups were not noted as muted.',
  noSuchGroup: (numbers) => `There is no group ${numbers.join(', ')}. Send "groups" to see the numbers.`,
  subscribed: (at, muted) =>
    `Subscribed: every day${at}you get what only your ${muted} muted group${s(muted)} carried, and @-mentions of you (nothing on days without news). Reply "unsubscribe" to stop.`,
  subscribedNoMuted: (at) =>
    `Subscribed to the daily digest (every day${at.trimEnd()}). You have not noted any muted group yet: send "mute" to see which ones you can mute.`,
  adopted: (names) =>
    `Noted ${names.length} muted group${s(names.length)} as suggested: ${names.join(', ')}.`,
  alreadySubscribed: 'You are already subscribed to the daily digest.',
  unsubscribed: 'Unsubscribed from the daily digest.',
  notSubscribed: 'You are not subscribed to the daily digest.',
  optedOut:
    'Noted: from now on your messages in the groups are only counted, their content is not kept. Reply "optin" to undo.',
  alreadyOptedOut: 'You have already opted out: your messages are only counted.',
  optedIn: 'Recording resumed. Send "mydata" at any time to see what is stored.',
  notOptedOut: 'You had not opted out.',
  mydataHead: 'What I store about you, all of it:',
  mydataContact: (name, unit) => `· contact: ${name}${unit ? ` (${unit})` : ''}`,
  mydataNoContact: '· no contact details stored',
  mydataStatus: (since) =>
    since === null ? '· recording: normal' : `· recording: opted out since ${since}, counts only`,
  mydataGroups: (groups) => `· work groups you are in: ${groups}`,
  mydataMessages: (total, withText, first, last) =>
    total === 0
      ? '· your messages: none stored'
      : `· your messages: ${total} (${withText} with content kept), ${first} to ${last}`,
  mydataSettings: (muted, subscribed) =>
    `· your settings: ${muted} group${s(muted)} noted as muted; daily digest ${subscribed ? 'on' : 'off'}`,
  mydataRetention: (textDays, recordDays) =>
    `Message content is kept ${textDays} days, counts and fingerprints ${recordDays} days; only you can see this. Reply "optout" to stop keeping the content of your messages.`,
  noDigest: (week) => `No group you own has records for ${week}: there is no digest to send.`,
  weekNotYet: (week, current) =>
    `${week} has not come yet: there is nothing to show. This week is ${current}; choose ${current} or an earlier week, or just "digest" for last week.`,
  weekBeforeRecords: (week, first) =>
    first === null
      ? 'Nothing is recorded yet: there is nothing to show.'
      : `${week} is before the first records (${first}): there is nothing to show. Choose ${first} or a later week.`,
  kind: {
    merge: 'merge groups',
    archive: 'archive a group',
    'dedupe-notices': 'post each notice once',
    'replace-rollcall': 'use read receipts or a form instead of roll-calls and "收到"',
    'curb-likes': 'curb like floods',
    'stop-photo-proof': 'stop photo-proof demands',
    'quiet-hours': 'fewer notices after hours',
    'avoid-rush': 'give time to respond',
  },
  accepted: (no, kind, groups) => `Accepted recommendation ${no}: ${kind} (${groups}). Thank you!`,
  dismissed: (no, kind, groups, weeks) =>
    `Dismissed recommendation ${no}: ${kind} (${groups}). Not repeated for ${weeks} weeks unless it gets clearly worse.`,
  noSuchRecommendation: (ref) =>
    `I found no recommendation "${ref}" that you can answer. Numbers are those of the digest you received last.`,
  noAudit: (week) => `Nothing recorded for ${week}.`,
  dailyHead: (day, groups) => `qingqun daily digest, ${day}, your ${groups} muted group${s(groups)}:`,
  dailyCounts: (notices, mentions, covered) =>
    `${notices} notice${s(notices)} found only there, ${mentions} @-mention${s(mentions)} of you${covered > 0 ? ` (${covered} more also reached a group you keep: left out)` : ''}.`,
  dailyEntry: (no, groups, time, sender, text) => `${no}. [${groups}] ${time} ${sender}: ${text}`,
  dailyMention: ' (mentions you)',
  dailyMore: (n) => `… and ${n} more: please look in the groups.`,
  dailyFoot: 'Reply "unsubscribe" to stop.',
  notKept: '(content not kept)',
  fileLabel: '[file] ',
  linkLabel: '[link] ',
  someone: 'a member',
  dailyAt: (hhmm) => (hhmm === null ? ' ' : ` at ${hhmm} `),
  dateTime: 'd MMM HH:mm',
  date: 'd MMM',
  luxonLocale: 'en',
};
