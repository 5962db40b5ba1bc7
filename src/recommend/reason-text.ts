/**
 * The one-line reason of each recommendation kind, per locale. `q` quotes a group name the way the
 * locale does; figures come from the recommendation's evidence.
 */
import type { Locale } from '../model/locale.js';
import type { Recommendation } from './recommendation.js';

type Fig = Record<string, number>;
type Reasons = {
  q: (name: string) => string;
  pct: (share: number) => string;
  merge: (groups: string, keep: string, f: Fig) => string;
  zombie: (group: string, f: Fig) => string;
  relay: (group: string, keep: string, f: Fig) => string;
  dedupe: (groups: string, keep: string, f: Fig) => string;
  rollCall: (group: string, f: Fig) => string;
  likes: (group: string, f: Fig) => string;
  photo: (group: string, f: Fig) => string;
  quiet: (group: string, f: Fig) => string;
  rush: (group: string, f: Fig) => string;
};

const pct = (share: number) => `${Math.round(share * 100)}%`;
const n = (f: Fig, key: string) => f[key] ?? 0;

export const REASON_TEXT: Record<Locale, Reasons> = {
  'zh-CN': {
    q: (name) => `「${name}」`,
    pct,
    merge: (groups, keep, f) =>
      `${groups}成员高度重合，本周 ${n(f, 'sharedNotices')} 条通知重复发送，建议合并，保留${keep}。`,
    zombie: (group, f) =>
      n(f, 'neverUsed') === 1
        ? `${group}一直无人发言，建议解散或归档。`
        : `${group}已 ${n(f, 'quietDays')} 天无人发言，建议解散或归档。`,
    relay: (group, keep, f) =>
      `${group}本周 ${n(f, 'notices')} 条通知，成员都已在${keep}等群收到，建议归档${group}。`,
    dedupe: (groups, keep, f) =>
      `本周 ${n(f, 'notices')} 条通知在${groups}重复发送，建议只在${keep}发一次（覆盖 ${pct(n(f, 'keepReach'))} 的成员）。`,
    rollCall: (group, f) =>
      `${group}本周${[
        n(f, 'rollCalls') > 0 ? `接龙 ${n(f, 'rollCalls')} 次` : '',
        n(f, 'ackFloods') > 0 ? `“收到”刷屏 ${n(f, 'ackFloods')} 次` : '',
      ]
        .filter(Boolean)
        .join('、')}，${[
        // Each habit its own remedy: a roll-call collects data (a shared form does that once);
        // an acknowledgement flood confirms reading (a read receipt does that silently).
        n(f, 'rollCalls') > 0 ? '建议改用在线表格收集信息，不再用接龙逐条转发名单' : '',
        n(f, 'ackFloods') > 0 ? '建议用群公告的“已读”或接收确认代替，不再要求回复“收到”' : '',
      ]
        .filter(Boolean)
        .join('；')}。`,
    likes: (group, f) =>
      `${group}本周点赞刷屏 ${n(f, 'floods')} 次（${n(f, 'praise')} 条），建议倡导不刷屏点赞。`,
    photo: (group, f) =>
      `${group}本周 ${n(f, 'demands')} 次要求拍照/截图留痕（${n(f, 'images')} 张图片），建议取消拍照打卡，改为抽查或系统记录。`,
    quiet: (group, f) =>
      `${group}本周 ${pct(n(f, 'offHoursShare'))} 的消息在非工作时间发出，建议非紧急通知在工作时间发送。`,
    rush: (group, f) => `${group}本周当天急要 ${n(f, 'rushed')} 次，建议布置任务至少留出一个工作日。`,
  },
  en: {
    q: (name) => `"${name}"`,
    pct,
    merge: (groups, keep, f) =>
      `${groups} have nearly the same members and got ${n(f, 'sharedNotices')} of the same notices this week: merge them and keep ${keep}.`,
    zombie: (group, f) =>
      n(f, 'neverUsed') === 1
        ? `Nobody has ever written in ${group}: dissolve or archive it.`
        : `Nobody has written in ${group} for ${n(f, 'quietDays')} days: dissolve or archive it.`,
    relay: (group, keep, f) =>
      `All ${n(f, 'notices')} notices in ${group} this week also reached its members in ${keep} or elsewhere: archive ${group}.`,
    dedupe: (groups, keep, f) =>
      `${n(f, 'notices')} notices were posted again and again in ${groups} this week: post once, in ${keep} (it reaches ${pct(n(f, 'keepReach'))} of the members).`,
    rollCall: (group, f) =>
      `${group} had ${[
        n(f, 'rollCalls') > 0 ? `${n(f, 'rollCalls')} roll-call${n(f, 'rollCalls') > 1 ? 's' : ''}` : '',
        n(f, 'ackFloods') > 0
          ? `${n(f, 'ackFloods')} acknowledgement flood${n(f, 'ackFloods') > 1 ? 's' : ''}`
          : '',
      ]
        .filter(Boolean)
        .join(' and ')} this week: ${[
        n(f, 'rollCalls') > 0
          ? 'collect the information in one shared form instead of a roll-call reposted line by line'
          : '',
        n(f, 'ackFloods') > 0
          ? 'let announcements with read receipts confirm reading, and stop asking for 收到'
          : '',
      ]
        .filter(Boolean)
        .join('; ')}.`,
    likes: (group, f) =>
      `${group} had ${n(f, 'floods')} like floods (${n(f, 'praise')} replies) this week: discourage praise-only replies.`,
    photo: (group, f) =>
      `${group} was asked ${n(f, 'demands')} times for photo or screenshot proof (${n(f, 'images')} images) this week: drop photo check-ins; spot-check or use system records.`,
    quiet: (group, f) =>
      `${pct(n(f, 'offHoursShare'))} of the messages in ${group} came outside working hours this week: send non-urgent notices in working hours.`,
    rush: (group, f) =>
      `${group} had ${n(f, 'rushed')} same-day demands this week: give at least one working day.`,
  },
};

/** The reason of a recommendation in words. `nameOf` maps a group id to its name. */
export function reasonText(
  r: Pick<Recommendation, 'kind' | 'groupIds' | 'keepGroupId' | 'evidence'>,
  locale: Locale,
  nameOf: (groupId: string) => string,
): string {
  const t = REASON_TEXT[locale];
  const f = r.evidence.figures;
  const keep = r.keepGroupId === null ? '' : t.q(nameOf(r.keepGroupId));
  const others = r.groupIds.filter((g) => g !== r.keepGroupId);
  const list = (ids: readonly string[]) => {
    const quoted = ids.map((g) => t.q(nameOf(g)));
    if (locale !== 'en' || quoted.length < 2) return quoted.join('、');
    return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
  };
  const group = t.q(nameOf(r.groupIds[0] ?? ''));
  switch (r.kind) {
    case 'merge':
      return t.merge(list([...others, ...(r.keepGroupId ? [r.keepGroupId] : [])]), keep, f);
    case 'archive':
      return r.evidence.basis === 'relay' ? t.relay(group, keep, f) : t.zombie(group, f);
    case 'dedupe-notices':
      return t.dedupe(list(r.groupIds), keep, f);
    case 'replace-rollcall':
      return t.rollCall(group, f);
    case 'curb-likes':
      return t.likes(group, f);
    case 'stop-photo-proof':
      return t.photo(group, f);
    case 'quiet-hours':
      return t.quiet(group, f);
    case 'avoid-rush':
      return t.rush(group, f);
  }
}
