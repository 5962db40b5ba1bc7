/**
 * The hand-written table of duplicate-notice cases: positive variations (copies that must form one
 * cluster) and hard negatives (look-alikes that must not). Each case is self-contained; every message
 * has a label, and `clusters` lists the expected clusters by label. Messages are built lazily so each
 * run numbers its own ids.
 */
import type { StoredMessage } from '../../../src/model/message.js';
import { createMessageFactory, type MessageSpec } from './message-factory.js';

export interface NoticeCase {
  name: string;
  /** Label → message spec; ids are `${case index}:${label}`. */
  messages: [string, MessageSpec][];
  clusters: string[][];
  /**
   * Cases built from the same texts (NOTICE, the rosters…): when all cases run in one week, copies in
   * cases of one family may join each other's clusters; copies in other cases never may.
   */
  family?: string;
}

export const NOTICE = [
  '关于开展2026年冬季安全生产大检查的通知',
  '各村（社区）、各站所：',
  '根据县安委会统一部署，定于11月20日至11月25日在全镇范围内开展冬季安全生产大检查，重点检查企业消防通道、燃气管道和危化品储存情况。',
  '请各单位于11月19日16:00前将自查情况表报镇安监站。',
  '联系人：王伟，电话：12345678。',
  '——镇安委会办公室',
].join('\n');

const NOTICE_TRADITIONAL = [
  '關於開展2026年冬季安全生產大檢查的通知',
  '各村（社區）、各站所：',
  '根據縣安委會統一部署，定於11月20日至11月25日在全鎮範圍內開展冬季安全生產大檢查，重點檢查企業消防通道、燃氣管道和危化品儲存情況。',
  '請各單位於11月19日16:00前將自查情況表報鎮安監站。',
  '聯繫人：王偉，電話：12345678。',
  '——鎮安委會辦公室',
].join('\n');

const FULL_WIDTH = NOTICE.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const [PART_1, PART_2] = [NOTICE.split('\n').slice(0, 3).join('\n'), NOTICE.split('\n').slice(3).join('\n')];
/** Split at the sentence boundary inside the long third line instead of at a line break. */
const SPLIT_AT = NOTICE.indexOf('重点检查');

const SHORT = '请各村于今天下午5点前报送防汛值班人员名单，谢谢！';

const roster = (week: number, from: string, to: string) =>
  `第${week}周值班安排（${from}—${to}）：周一 张伟、李娜；周二 王芳、刘洋；周三 陈静、杨帆；周四 赵磊、黄丽；周五 周杰、吴敏。值班电话：12345678，请值班人员准时到岗，不得脱岗。`;

const meeting = (date: string, agenda: string) =>
  `会议通知：定于${date}（星期三）下午3:00在镇政府三楼会议室召开${agenda}，请各村书记、各站所负责人准时参加，不得请假。`;

const BOILERPLATE =
  '为深入贯彻落实上级关于安全生产工作的决策部署，切实防范化解重大安全风险，坚决遏制各类生产安全事故发生，经镇党委政府研究决定，';
const inspection = (date: string, target: string) => `${BOILERPLATE}于${date}对${target}`;

/** Two different meetings announced with the same heading and date (different rooms, agendas, contacts). */
const MEETING_HEAD =
  '关于召开创文迎检工作部署会的通知\n各村（社区）、镇各办（所、中心）：\n经镇党委、政府研究，定于11月1日（星期日）上午9:30召开创文迎检工作部署会，现将有关事项通知如下：';
const MEETING_A = `${MEETING_HEAD}\n一、地点：镇政府三楼会议室。\n二、参会人员：镇机关全体干部。\n三、会议议程：明确各责任片区任务分工；通报创文点位督查问题。\n联系人：尹芳，电话：13855511346`;
const MEETING_B = `${MEETING_HEAD}\n一、地点：镇政府二楼小会议室。\n二、参会人员：各村（社区）党组织书记。\n三、会议议程：部署迎检各项准备工作；听取各村进展汇报。\n联系人：吕立红，电话：15810502850`;

const INSPECTION_NOTICE = (leader: string) =>
  `为深入贯彻落实上级关于安全生产工作的决策部署，经镇安委会研究，决定于11月2日至11月7日对辖区内人员密集场所开展专项检查。检查组由${leader}带队，重点检查消防通道、疏散指示和消防设施等情况。请各相关单位提前做好自查。`;
const PHOTO_DEMAND = (place: string) =>
  `@所有人 今天下班前请把${place}10月26日环境整治前后对比照片发群里，每个点位4张`;

const ARTICLE = 'https://mp.weixin.qq.com/s?__biz=MzA5MTIz&mid=2650001&idx=1&sn=5f2e';

const copies = (text: string, groups: string[], startAt = 0): [string, MessageSpec][] =>
  groups.map((group, k) => [`${group}${k}`, { text, group, at: startAt + k * 7, sender: `s${k}` }]);

const allLabels = (messages: [string, MessageSpec][]) => [messages.map(([label]) => label)];

const pairWith = (name: string, variant: string): NoticeCase => ({
  name,
  messages: [
    ['original', { text: NOTICE, group: 'a', at: 0 }],
    ['variant', { text: variant, group: 'b', at: 30, sender: 'u2' }],
  ],
  clusters: [['original', 'variant']],
  family: 'notice',
});

export const POSITIVE_CASES: NoticeCase[] = [
  pairWith('forwarding prefix 【转发】', `【转发】${NOTICE}`),
  pairWith('forwarding prefix 转：', `转：${NOTICE}`),
  pairWith('forwarding prefix 转发：', `转发：${NOTICE}`),
  pairWith('urgency tag 【重要通知】', `【重要通知】${NOTICE}`),
  pairWith('tag 【通知】', `【通知】${NOTICE}`),
  pairWith('@所有人', `@所有人 ${NOTICE}`),
  pairWith('other @mentions', `@张三\u2005@李四\u2005${NOTICE}`),
  pairWith(
    'punctuation and line breaks changed',
    NOTICE.replace(/，/g, ', ').replace(/。/g, '. ').replace(/\n/g, ' '),
  ),
  pairWith('emoji and WeChat emoticons', `‼️${NOTICE.replace('通知', '通知🔥')}🙏🙏[强][玫瑰]`),
  pairWith('sign-off line dropped', NOTICE.split('\n').slice(0, -1).join('\n')),
  pairWith('sign-off line added', `${NOTICE}\n收到请回复，谢谢！——党政办李娜转`),
  pairWith(
    'a sentence added',
    NOTICE.replace('报镇安监站。', '报镇安监站。请各村书记亲自部署，确保检查不留死角。'),
  ),
  pairWith('traditional characters', NOTICE_TRADITIONAL),
  pairWith('full-width digits', FULL_WIDTH),
  pairWith(
    'everything at once',
    `【转发】@所有人 ${NOTICE_TRADITIONAL.replace(/\n/g, '  ')}👍🏻\n——转自县应急局工作群`,
  ),
  {
    name: 'split over two messages at a line break (both parts join the full notice)',
    family: 'notice',
    messages: [
      ['full', { text: NOTICE, group: 'a', at: 0 }],
      ['part1', { text: PART_1, group: 'b', at: 10, sender: 'u2' }],
      ['part2', { text: PART_2, group: 'b', at: 11, sender: 'u2' }],
    ],
    clusters: [['full', 'part1', 'part2']],
  },
  {
    name: 'split inside a sentence, parts forwarded with a prefix',
    family: 'notice',
    messages: [
      ['full', { text: `【转发】${NOTICE}`, group: 'a', at: 0 }],
      ['part1', { text: NOTICE.slice(0, SPLIT_AT), group: 'b', at: 10, sender: 'u2' }],
      ['part2', { text: NOTICE.slice(SPLIT_AT), group: 'b', at: 11, sender: 'u2' }],
    ],
    clusters: [['full', 'part1', 'part2']],
  },
  {
    name: 're-posted in the same group',
    family: 'notice',
    messages: [
      ['first', { text: NOTICE, group: 'a', at: 0 }],
      ['again', { text: `@所有人 ${NOTICE}`, group: 'a', at: 300 }],
    ],
    clusters: [['first', 'again']],
  },
  {
    name: 'forwarded into five groups',
    family: 'notice',
    messages: copies(NOTICE, ['a', 'b', 'c', 'd', 'e']),
    clusters: allLabels(copies(NOTICE, ['a', 'b', 'c', 'd', 'e'])),
  },
  {
    name: 'a short notice with a prefix and emoji',
    messages: [
      ['plain', { text: SHORT, group: 'a', at: 0 }],
      ['prefixed', { text: `【转发】${SHORT}🙏`, group: 'b', at: 5 }],
      ['mention', { text: `@所有人 ${SHORT}`, group: 'c', at: 9 }],
    ],
    clusters: [['plain', 'prefixed', 'mention']],
  },
  {
    name: 'the recalled original still counts',
    family: 'notice',
    messages: [
      ['original', { text: NOTICE, group: 'a', at: 0 }],
      ['recall', { type: 'recalled', text: 'original-id', group: 'a', at: 2 }],
      ['copy', { text: `【转发】${NOTICE}`, group: 'b', at: 20 }],
    ],
    clusters: [['original', 'copy']],
  },
  {
    name: 'a file forwarded by hash (renamed on the way)',
    messages: [
      ['a', { file: { name: '冬季安全检查自查表.xlsx', size: 20480, sha256: 'AB12' }, group: 'a', at: 0 }],
      ['b', { file: { name: '冬季安全检查自查表(1).xlsx', size: 20480, sha256: 'ab12' }, group: 'b', at: 3 }],
      ['c', { file: { name: '冬季安全检查自查表.xlsx', size: 20480, sha256: 'ab12' }, group: 'c', at: 8 }],
    ],
    clusters: [['a', 'b', 'c']],
  },
  {
    name: 'a file without a hash: same name and size',
    messages: [
      ['a', { file: { name: '值班表.docx', size: 11000 }, group: 'a', at: 0 }],
      ['b', { file: { name: '值班表.docx', size: 11000 }, group: 'b', at: 3 }],
    ],
    clusters: [['a', 'b']],
  },
  {
    name: 'an image with the same hash',
    messages: [
      ['a', { type: 'image', file: { name: 'poster.jpg', sha256: 'ff00' }, group: 'a', at: 0 }],
      ['b', { type: 'image', file: { name: 'poster.jpg', sha256: 'ff00' }, group: 'b', at: 3 }],
    ],
    clusters: [['a', 'b']],
  },
  {
    name: 'a WeChat article with tracking parameters, as a card and as a bare URL',
    family: 'article',
    messages: [
      [
        'card',
        {
          link: {
            title: '全省安全生产电视电话会议召开',
            url: `${ARTICLE}&chksm=9a&scene=21#wechat_redirect`,
          },
          group: 'a',
          at: 0,
        },
      ],
      [
        'card2',
        {
          link: {
            title: '全省安全生产电视电话会议召开',
            url: `${ARTICLE}&sessionid=77&clicktime=17&enterid=5&from=timeline&isappinstalled=0`,
          },
          group: 'b',
          at: 4,
        },
      ],
      ['bare', { text: `${ARTICLE}&utm_source=wx&share_token=xyz#rd`, group: 'c', at: 9 }],
    ],
    clusters: [['card', 'card2', 'bare']],
  },
  {
    name: 'link cards without a URL: same title',
    messages: [
      ['a', { link: { title: '关于做好冬季森林防火工作的通知' }, group: 'a', at: 0 }],
      ['b', { link: { title: '关于做好冬季森林防火工作的通知' }, group: 'b', at: 4 }],
    ],
    clusters: [['a', 'b']],
  },
  {
    name: 'two weeks of rosters, each forwarded twice (two clusters, never one)',
    family: 'roster',
    messages: [
      ['w47a', { text: roster(47, '11月16日', '11月22日'), group: 'a', at: 0 }],
      ['w47b', { text: `【转发】${roster(47, '11月16日', '11月22日')}`, group: 'b', at: 5 }],
      ['w48a', { text: roster(48, '11月23日', '11月29日'), group: 'a', at: 4000 }],
      ['w48b', { text: roster(48, '11月23日', '11月29日'), group: 'b', at: 4005 }],
    ],
    clusters: [
      ['w47a', 'w47b'],
      ['w48a', 'w48b'],
    ],
  },
];

export const NEGATIVE_CASES: NoticeCase[] = [
  {
    name: "next week's duty roster",
    family: 'roster',
    messages: [
      ['w47', { text: roster(47, '11月16日', '11月22日'), group: 'a', at: 0 }],
      ['w48', { text: roster(48, '11月23日', '11月29日'), group: 'b', at: 4000 }],
    ],
    clusters: [],
  },
  {
    name: 'meeting notices differing only in date',
    family: 'meeting',
    messages: [
      ['m1', { text: meeting('11月18日', '全镇安全生产工作会议'), group: 'a', at: 0 }],
      ['m2', { text: meeting('11月25日', '全镇安全生产工作会议'), group: 'a', at: 3000 }],
    ],
    clusters: [],
  },
  {
    name: 'meeting notices differing only in agenda',
    family: 'meeting',
    messages: [
      ['m1', { text: meeting('11月18日', '全镇安全生产工作会议'), group: 'a', at: 0 }],
      ['m2', { text: meeting('11月18日', '秋冬季森林防火暨秸秆禁烧工作推进会'), group: 'b', at: 60 }],
    ],
    clusters: [],
  },
  {
    name: 'inspection notices sharing a long boilerplate opening (different dates)',
    family: 'inspection',
    messages: [
      [
        'food',
        {
          text: inspection(
            '11月20日',
            '辖区内食品生产企业开展专项检查，检查原料进货查验、生产过程控制和出厂检验记录。',
          ),
          group: 'a',
          at: 0,
        },
      ],
      [
        'site',
        {
          text: inspection(
            '11月27日',
            '辖区内建筑施工工地开展专项检查，检查脚手架搭设、临时用电和特种作业人员持证情况。',
          ),
          group: 'b',
          at: 100,
        },
      ],
    ],
    clusters: [],
  },
  {
    name: 'inspection notices sharing a long boilerplate opening (same date)',
    family: 'inspection',
    messages: [
      [
        'food',
        {
          text: inspection(
            '11月20日',
            '辖区内食品生产企业开展专项检查，检查原料进货查验、生产过程控制和出厂检验记录。',
          ),
          group: 'a',
          at: 0,
        },
      ],
      [
        'site',
        {
          text: inspection(
            '11月20日',
            '辖区内建筑施工工地开展专项检查，检查脚手架搭设、临时用电和特种作业人员持证情况。',
          ),
          group: 'b',
          at: 100,
        },
      ],
    ],
    clusters: [],
  },
  {
    name: 'a corrected file re-sent under the same name',
    messages: [
      ['old', { file: { name: '值班表.xlsx', size: 10240, sha256: 'aaa1' }, group: 'a', at: 0 }],
      ['fixed', { file: { name: '值班表.xlsx', size: 10300, sha256: 'bbb2' }, group: 'a', at: 30 }],
      ['oldNoHash', { file: { name: '名单.docx', size: 5000 }, group: 'b', at: 0 }],
      ['fixedNoHash', { file: { name: '名单.docx', size: 5100 }, group: 'b', at: 30 }],
    ],
    clusters: [],
  },
  {
    name: 'acknowledgements in several groups',
    messages: ['收到', '收到！', '已收到', '收到[OK]', '好的收到', '收到，马上落实', '收到', '收到'].map(
      (text, k) => [`ack${k}`, { text, group: k % 2 ? 'a' : 'b', at: k }],
    ),
    clusters: [],
  },
  {
    name: 'likes',
    messages: [
      '[强][强][强]',
      '👍👍',
      '领导辛苦了[玫瑰][玫瑰]',
      '学习了[强]',
      '[强][强][强]',
      '领导辛苦了[玫瑰][玫瑰]',
    ].map((text, k) => [`like${k}`, { text, group: 'a', at: k }]),
    clusters: [],
  },
  {
    name: 'roll-call posts re-sending a growing list',
    messages: [
      [
        'r1',
        {
          text: '#接龙\n报送防汛值班人员名单，请各村按格式接龙\n\n1. 张伟 镇应急办 13800000000',
          group: 'a',
          at: 0,
        },
      ],
      [
        'r2',
        {
          text: '#接龙\n报送防汛值班人员名单，请各村按格式接龙\n\n1. 张伟 镇应急办 13800000000\n2. 李娜 党政办 13900000000',
          group: 'a',
          at: 2,
        },
      ],
      [
        'r3',
        {
          text: '#接龙\n报送防汛值班人员名单，请各村按格式接龙\n\n1. 张伟 镇应急办 13800000000\n2. 李娜 党政办 13900000000',
          group: 'a',
          at: 3,
        },
      ],
    ],
    clusters: [],
  },
  {
    name: 'short chat repeated',
    messages: ['好的，我下午过去看看', '今天下午开会吗？', '好的，我下午过去看看', '今天下午开会吗？'].map(
      (text, k) => [`chat${k}`, { text, group: k % 2 ? 'a' : 'b', at: k }],
    ),
    clusters: [],
  },
  {
    name: 'system messages, emoticons, mini programs and images without a hash',
    messages: [
      [
        'sys1',
        {
          type: 'system',
          text: '"张伟"邀请"李娜、王芳、刘洋、陈静、杨帆"加入了群聊，请大家欢迎',
          group: 'a',
          at: 0,
        },
      ],
      [
        'sys2',
        {
          type: 'system',
          text: '"张伟"邀请"李娜、王芳、刘洋、陈静、杨帆"加入了群聊，请大家欢迎',
          group: 'b',
          at: 0,
        },
      ],
      [
        'emo1',
        {
          type: 'emoticon',
          text: '[动画表情]一个很长的动画表情描述文字用来凑够二十个字符',
          group: 'a',
          at: 1,
        },
      ],
      [
        'emo2',
        {
          type: 'emoticon',
          text: '[动画表情]一个很长的动画表情描述文字用来凑够二十个字符',
          group: 'b',
          at: 1,
        },
      ],
      ['img1', { type: 'image', file: { name: 'IMG_0001.jpg' }, group: 'a', at: 2 }],
      ['img2', { type: 'image', file: { name: 'IMG_0001.jpg' }, group: 'b', at: 2 }],
    ],
    clusters: [],
  },
  {
    name: 'a heading shared by two different notices joins one of them, never both',
    messages: [
      ['a', { text: MEETING_A, group: 'a', at: 0 }],
      ['a2', { text: `【转发】${MEETING_A}`, group: 'b', at: 5 }],
      ['b', { text: MEETING_B, group: 'c', at: 10 }],
      ['b2', { text: `@所有人 ${MEETING_B}`, group: 'd', at: 15 }],
      ['head', { text: MEETING_HEAD, group: 'e', at: 20 }],
    ],
    clusters: [
      ['a', 'a2', 'head'],
      ['b', 'b2'],
    ],
  },
  {
    name: 'the same inspection template filled in with another leader (two towns)',
    messages: [
      ['luo', { text: INSPECTION_NOTICE('罗书记'), group: 'a', at: 0 }],
      ['qin', { text: INSPECTION_NOTICE('秦书记'), group: 'b', at: 30 }],
      ['liu', { text: `@所有人 ${INSPECTION_NOTICE('刘委员')}`, group: 'c', at: 60 }],
    ],
    clusters: [],
  },
  {
    name: 'the same short demand for another place',
    messages: [
      ['xiyuan', { text: PHOTO_DEMAND('西苑社区'), group: 'a', at: 0 }],
      ['nanqiao', { text: PHOTO_DEMAND('南桥社区'), group: 'b', at: 30 }],
    ],
    clusters: [],
  },
  {
    name: 'chat differing in one number that the other text also states',
    messages: [
      ['a', { text: '刚才区里来电话，说第9批项目的评审往后推了8天', group: 'a', at: 0 }],
      ['b', { text: '刚才区里来电话，说第9批项目的评审往后推了9天', group: 'b', at: 900 }],
    ],
    clusters: [],
  },
  {
    name: 'two WeChat articles with the same title',
    family: 'article',
    messages: [
      ['a', { link: { title: '学习贯彻全会精神', url: ARTICLE }, group: 'a', at: 0 }],
      [
        'b',
        {
          link: { title: '学习贯彻全会精神', url: ARTICLE.replace('mid=2650001', 'mid=2650002') },
          group: 'b',
          at: 1,
        },
      ],
    ],
    clusters: [],
  },
  {
    name: 'parts of a split notice never posted whole',
    family: 'notice',
    messages: [
      ['part1', { text: PART_1, group: 'a', at: 0 }],
      ['part2', { text: PART_2, group: 'a', at: 1 }],
    ],
    clusters: [],
  },
];

export const ALL_CASES = [...POSITIVE_CASES, ...NEGATIVE_CASES];

/** The case's messages in week order, ids `${prefix}${label}`. */
export function caseMessages(notice: NoticeCase, prefix = ''): StoredMessage[] {
  const make = createMessageFactory();
  return notice.messages
    .map(([label, spec]) => make({ ...spec, id: `${prefix}${label}` }))
    .sort((a, b) => a.time - b.time || a.rowId - b.rowId);
}
