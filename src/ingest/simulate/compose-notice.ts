/**
 * Composes official notices (60–400 characters) from the vocabulary: meetings with dates and places,
 * report requests with deadlines, safety reminders with numbered measures, policy documents, activity
 * and study notices, inspection notices sharing a long boilerplate opening, and duty rosters. Every
 * notice carries specifics (dates, times, numbers, phone numbers) so two notices of one template
 * differ in substance.
 */
import { cnClock, cnDate, cnFullDate, cnWeekday } from './chinese-dates.js';
import { relaxedDeadline, rushedDeadline } from './deadlines.js';
import * as V from './notice-vocabulary.js';
import type { Prng } from './prng.js';
import { DAY } from './sim-clock.js';

export type NoticeKind =
  | 'meeting'
  | 'report'
  | 'safety'
  | 'policy'
  | 'activity'
  | 'study'
  | 'inspection'
  | 'roster';

export interface NoticeDraft {
  kind: NoticeKind;
  topic: V.NoticeTopic;
  /** Body lines; the canonical text is `[...body, ...signoff].join('\n')`. */
  body: string[];
  /** Issuing unit and date lines, often dropped or replaced when forwarded. */
  signoff: string[];
  /** The deadline is the same working day or within hours of posting. */
  rushed: boolean;
  /** For a rushed notice: the local minute of the day its deadline ends. */
  dueMinute: number | null;
  /**
   * What the notice is about when a town would not send two different notices about it in one week
   * (a document, a report item, an activity). For a meeting it is its date and time: a town's
   * leadership holds one meeting at a time, while the same meeting on another date is a planted
   * look-alike.
   */
  subject?: string;
}

export interface NoticeSetting {
  rng: Prng;
  townName: string;
  postMs: number;
  /** Name of the contact person written into the notice. */
  contact: string;
  /** Names available for duty rosters. */
  people: string[];
  /** Leaders' names (带班领导 in rosters). */
  leaders: string[];
  /** A leader's form of address (王镇长), to whom absences are reported. */
  leader: string;
}

export function noticeText(draft: NoticeDraft): string {
  return [...draft.body, ...draft.signoff].join('\n');
}

export function phoneNumber(rng: Prng): string {
  return `1${rng.pick(['38', '39', '58', '59', '37', '88', '35', '36'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
}

function signoff(s: NoticeSetting, topic: V.NoticeTopic): string[] {
  return [`${s.townName}${V.ISSUER[topic]}`, cnFullDate(s.postMs)];
}

const TOPICS: V.NoticeTopic[] = [
  'general',
  'office',
  'party',
  'safety',
  'civility',
  'stability',
  'economy',
  'social',
  'construction',
  'rural',
];

/** A meeting notice (long or short form) with its own date, time, place and agenda. */
export function meetingNotice(s: NoticeSetting, topic: V.NoticeTopic, on?: number): NoticeDraft {
  const { rng } = s;
  const day = on ?? s.postMs + rng.int(2, 7) * DAY;
  const when = `${cnDate(day)}（${cnWeekday(day)}）${cnClock(rng.pick([510, 540, 570, 600, 870, 900, 930]))}`;
  const name = rng.pick(V.MEETINGS[topic]);
  const place = rng.pick(V.PLACES);
  const attendees = rng.pick(V.ATTENDEES);
  if (rng.chance(0.4)) {
    return {
      kind: 'meeting',
      topic,
      body: [
        `【会议通知】定于${when}在${place}召开${name}，请${attendees}准时参加，不得请假。联系人：${s.contact}，电话：${phoneNumber(rng)}`,
      ],
      signoff: [],
      rushed: false,
      dueMinute: null,
      subject: `meeting|${when}`,
    };
  }
  const agenda = rng.sample(V.AGENDAS[topic], 2).join('；');
  return {
    kind: 'meeting',
    topic,
    body: [
      `关于召开${name}的通知`,
      '各村（社区）、镇各办（所、中心）：',
      `经镇党委、政府研究，定于${when}在${place}召开${name}，现将有关事项通知如下：`,
      `一、参会人员：${attendees}。`,
      `二、会议议程：${agenda}。`,
      `三、有关要求：请参会人员提前10分钟到场签到，确因特殊情况不能参会的，须向${s.leader}请假。`,
      `联系人：${s.contact}，电话：${phoneNumber(rng)}`,
    ],
    signoff: signoff(s, topic),
    rushed: false,
    dueMinute: null,
    subject: `meeting|${when}`,
  };
}

function report(s: NoticeSetting, topic: V.NoticeTopic, rushed: boolean): NoticeDraft {
  const { rng } = s;
  const item = rng.pick(V.REPORT_ITEMS[topic]);
  const due = rushed ? rushedDeadline(rng, s.postMs) : null;
  const deadline = due?.phrase ?? relaxedDeadline(rng, s.postMs);
  const mail = `xb${V.ISSUER[topic] === '党政办' ? 'dzb' : 'zb'}${rng.int(100, 999)}@163.com`;
  return {
    kind: 'report',
    topic,
    body: [
      `关于报送${item}的通知`,
      '各村（社区）、各相关办：',
      `根据${rng.pick(V.UPPER_BODIES)}工作要求，现需统计${item}。请各单位认真核实，如实填写附件表格，于${deadline}将电子版和盖章扫描件报送至${V.ISSUER[topic]}邮箱（${mail}）。逾期未报的，将在全镇工作例会上予以通报。`,
      `联系人：${s.contact}，电话：${phoneNumber(rng)}`,
    ],
    signoff: signoff(s, topic),
    rushed,
    dueMinute: due?.byMinute ?? null,
    subject: item,
  };
}

function safety(s: NoticeSetting): NoticeDraft {
  const { rng } = s;
  const measures = rng.sample(V.SAFETY_MEASURES, rng.int(3, 4));
  return {
    kind: 'safety',
    topic: 'safety',
    body: [
      `【安全提醒】${rng.pick(V.SAFETY_REASONS)}，${rng.pick(V.SAFETY_HAZARDS)}风险明显增大。请各村（社区）、各企业切实做好以下工作：`,
      ...measures.map((m, i) => `${i + 1}.${m}${i === measures.length - 1 ? '。' : '；'}`),
      `如遇突发情况，请第一时间报告镇应急办（24小时值班电话：${phoneNumber(rng)}）。`,
    ],
    signoff: signoff(s, 'safety'),
    rushed: false,
    dueMinute: null,
  };
}

function policy(s: NoticeSetting, topic: V.NoticeTopic): NoticeDraft {
  const { rng } = s;
  const doc = rng.pick(V.POLICY_DOCS).replace('{town}', s.townName);
  const docNo = `${s.townName.slice(0, 2)}${rng.pick(['委办发', '政发', '委发', '政办发'])}〔2026〕${rng.int(8, 160)}号`;
  const [a, b, c] = rng.sample(V.POLICY_POINTS, 3);
  return {
    kind: 'policy',
    topic,
    body: [
      `各位同事：《${doc}》（${docNo}）已经印发，现转发给大家。`,
      `请各单位认真组织学习，结合工作实际抓好贯彻落实，重点把握以下内容：一是${a}；二是${b}；三是${c}。`,
      '文件全文已上传镇政务OA，请登录查看。',
    ],
    signoff: signoff(s, topic),
    rushed: false,
    dueMinute: null,
    subject: doc,
  };
}

function activity(s: NoticeSetting): NoticeDraft {
  const { rng } = s;
  const [name, purpose] = rng.pick(V.ACTIVITIES) as string[];
  const day = s.postMs + rng.int(2, 6) * DAY;
  return {
    kind: 'activity',
    topic: 'party',
    body: [
      `【活动通知】为${purpose}，定于${cnDate(day)}（${cnWeekday(day)}）${cnClock(rng.pick([510, 540, 840, 870]))}在${rng.pick(V.PLACES)}门前广场开展“${name}”主题志愿服务活动。`,
      `请各支部组织党员${rng.int(3, 12)}名参加，统一穿红马甲、佩戴党员徽章，于活动开始前15分钟到场集合。联系人：${s.contact}`,
    ],
    signoff: signoff(s, 'party'),
    rushed: false,
    dueMinute: null,
    subject: name,
  };
}

function study(s: NoticeSetting): NoticeDraft {
  const { rng } = s;
  const theme = rng.pick(V.STUDY_THEMES);
  return {
    kind: 'study',
    topic: 'party',
    body: [
      `【学习提醒】请各支部于${relaxedDeadline(rng, s.postMs)}组织党员开展${theme}专题学习，可采取集中学习和个人自学相结合的方式，每名党员撰写心得体会不少于${rng.pick([500, 800, 1000, 1500])}字，学习记录及时上传党建云平台。`,
    ],
    signoff: signoff(s, 'party'),
    rushed: false,
    dueMinute: null,
    subject: theme,
  };
}

/** An inspection notice: the long shared opening plus its own dates, targets and requirements. */
export function inspectionNotice(
  s: NoticeSetting,
  target: readonly string[],
  startsOn?: number,
): NoticeDraft {
  const { rng } = s;
  const from = startsOn ?? s.postMs + rng.int(2, 5) * DAY;
  const to = from + rng.int(2, 6) * DAY;
  return {
    kind: 'inspection',
    topic: 'safety',
    body: [
      `${V.INSPECTION_OPENING}于${cnDate(from)}至${cnDate(to)}对辖区内${target[0]}开展专项检查。`,
      `检查组由${s.leader}带队，重点检查${target[1]}等情况。请各相关单位提前做好自查，检查发现的问题将限期整改，整改情况于${cnDate(to + rng.int(3, 7) * DAY)}前报镇应急办。`,
    ],
    signoff: signoff(s, 'safety'),
    rushed: false,
    dueMinute: null,
  };
}

/** A duty roster (值班安排) for the given days, with names drawn from `s.people`. */
export function rosterNotice(s: NoticeSetting, unit: string, days: number[]): NoticeDraft {
  const { rng } = s;
  const lines = days.map((d) => {
    const [a, b] = rng.sample(s.people, 2);
    return `${cnDate(d)}（${cnWeekday(d)}）带班领导：${rng.pick(s.leaders)}  值班人员：${a}、${b}`;
  });
  const first = days[0] as number;
  const last = days[days.length - 1] as number;
  return {
    kind: 'roster',
    topic: unit === '应急办' ? 'safety' : 'office',
    body: [
      `${s.townName}${unit}${cnDate(first)}—${cnDate(last)}值班安排`,
      ...lines,
      `请值班人员严格落实24小时值班制度，保持通讯畅通，遇突发情况及时报告。值班电话：${phoneNumber(rng)}`,
    ],
    signoff: [],
    rushed: false,
    dueMinute: null,
  };
}

/**
 * A notice of a random everyday kind for a topic (or any topic). `rushed` asks for a report request
 * with a same-day deadline; the post time must then be before 15:00 on a working day.
 */
export function composeNotice(
  s: NoticeSetting,
  options: { topic?: V.NoticeTopic; rushed?: boolean } = {},
): NoticeDraft {
  const { rng } = s;
  const topic = options.topic ?? rng.pick(TOPICS);
  if (options.rushed) return report(s, topic, true);
  const r = rng.next();
  if (topic === 'safety' && r < 0.4) return safety(s);
  if (topic === 'party' && r < 0.25) return activity(s);
  if (topic === 'party' && r < 0.45) return study(s);
  if (r < 0.45) return meetingNotice(s, topic);
  if (r < 0.8) return report(s, topic, false);
  return policy(s, topic);
}
