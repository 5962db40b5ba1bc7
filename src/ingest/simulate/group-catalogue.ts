/**
 * The work groups a town has, in the order they are created: when a town gets fewer groups than the
 * catalogue holds, it keeps a prefix. The first ten already contain every planted structure (two
 * merge-candidate pairs, a relay group, two zombie groups), so every town with ≥ 10 groups has them.
 */
import type { Topic } from './organisation.js';

export type RosterSpec =
  | { kind: 'all' }
  | { kind: 'middle' }
  | { kind: 'unit' }
  | { kind: 'community' }
  | { kind: 'grid' }
  | { kind: 'communityExtra' }
  | { kind: 'twin' }
  | { kind: 'random'; min: number; max: number }
  | {
      kind: 'topic';
      units: string[];
      /** Members taken from each community: its head, its grid workers or anyone. */
      perCommunity: { role: 'head' | 'grid' | 'any'; count: number } | null;
      leaders: number;
      extra: number;
    };

export interface GroupSpec {
  slug: string;
  /** `{town}` is replaced by the town name, `{c}` by the community name. */
  name: string;
  /** Owning unit key; `{c}` for the community. */
  unitKey: string;
  roster: RosterSpec;
  topics: Topic[];
  activity: number;
  zombie?: boolean;
  /** Local date the group was created (zombies are old); random otherwise. */
  createdOn?: string;
  /** Slug of the merge-candidate partner, created before this one. */
  twinOf?: string;
  /** Index of the community (in the town's list) this spec is about. */
  community?: number;
  /** For grid groups: planted as a relay of its community's group. */
  relay?: boolean;
}

const topic = (
  units: string[],
  perCommunity: { role: 'head' | 'grid' | 'any'; count: number } | null,
  leaders: number,
  extra: number,
): RosterSpec => ({ kind: 'topic', units, perCommunity, leaders, extra });

function communityPair(c: number): GroupSpec[] {
  return [
    {
      slug: 'gzq',
      name: '{c}工作群',
      unitKey: '{c}',
      roster: { kind: 'community' },
      topics: ['community'],
      activity: 1.6,
      community: c,
    },
    {
      slug: 'wangge',
      name: '{c}网格员群',
      unitKey: '{c}',
      roster: { kind: 'grid' },
      topics: ['community', 'stability'],
      activity: 0.8,
      community: c,
      relay: c === 0,
    },
  ];
}

const BASE: GroupSpec[] = [
  {
    slug: 'gongzuo',
    name: '{town}机关工作群',
    unitKey: '党政办',
    roster: { kind: 'all' },
    topics: ['general'],
    activity: 3,
  },
  {
    slug: 'dangjian',
    name: '{town}党建工作群',
    unitKey: '党建办',
    roster: topic(['党建办'], { role: 'head', count: 1 }, 3, 4),
    topics: ['party'],
    activity: 2,
  },
  {
    slug: 'anquan',
    name: '安全生产专班',
    unitKey: '应急办',
    roster: topic(['应急办', '城建办'], { role: 'any', count: 1 }, 2, 3),
    topics: ['safety'],
    activity: 1.4,
  },
  {
    slug: 'anquan-gzq',
    name: '{town}安全生产工作群',
    unitKey: '城建办',
    roster: { kind: 'twin' },
    topics: ['safety'],
    activity: 1,
    twinOf: 'anquan',
  },
  {
    slug: 'wenming',
    name: '文明创建攻坚群',
    unitKey: '党政办',
    roster: topic(['社会事务办'], { role: 'any', count: 2 }, 2, 4),
    topics: ['civility'],
    activity: 1.4,
  },
  {
    slug: 'chuangwen',
    name: '创文工作推进群',
    unitKey: '社会事务办',
    roster: { kind: 'twin' },
    topics: ['civility'],
    activity: 1,
    twinOf: 'wenming',
  },
  ...communityPair(0),
  {
    slug: 'yiqing',
    name: '疫情防控工作群',
    unitKey: '社会事务办',
    roster: { kind: 'random', min: 30, max: 90 },
    topics: [],
    activity: 0,
    zombie: true,
    createdOn: '2022-04-02',
  },
  {
    slug: 'pucha',
    name: '第七次全国人口普查工作群',
    unitKey: '党政办',
    roster: { kind: 'random', min: 15, max: 50 },
    topics: [],
    activity: 0,
    zombie: true,
    createdOn: '2020-10-12',
  },
  {
    slug: 'zhongceng',
    name: '{town}中层干部群',
    unitKey: '党政办',
    roster: { kind: 'middle' },
    topics: ['general'],
    activity: 1.5,
  },
  {
    slug: 'zongzhi',
    name: '综治维稳工作群',
    unitKey: '综治办',
    roster: topic(['综治办'], { role: 'grid', count: 2 }, 1, 2),
    topics: ['stability', 'community'],
    activity: 1.3,
  },
  ...communityPair(1),
  {
    slug: 'yingji',
    name: '应急值守群',
    unitKey: '应急办',
    roster: topic(['应急办', '党政办'], { role: 'head', count: 1 }, 2, 2),
    topics: ['safety'],
    activity: 1.2,
  },
  {
    slug: 'jingji',
    name: '经济发展办工作群',
    unitKey: '经济发展办',
    roster: { kind: 'unit' },
    topics: ['economy'],
    activity: 1,
  },
  ...communityPair(2),
  {
    slug: 'shehui',
    name: '社会事务办工作群',
    unitKey: '社会事务办',
    roster: { kind: 'unit' },
    topics: ['social'],
    activity: 1,
  },
  {
    slug: 'chengjian',
    name: '城建办工作群',
    unitKey: '城建办',
    roster: { kind: 'unit' },
    topics: ['construction'],
    activity: 1,
  },
  {
    slug: 'dangzheng',
    name: '党政办工作群',
    unitKey: '党政办',
    roster: { kind: 'unit' },
    topics: ['office'],
    activity: 1.2,
  },
  {
    slug: 'xuanchuan',
    name: '宣传信息员群',
    unitKey: '党政办',
    roster: topic([], { role: 'any', count: 1 }, 1, 4),
    topics: ['publicity'],
    activity: 0.9,
  },
  ...communityPair(3),
  {
    slug: 'xiangcun',
    name: '乡村振兴工作群',
    unitKey: '农业农村办',
    roster: topic(['农业农村办', '经济发展办'], { role: 'head', count: 1 }, 1, 2),
    topics: ['rural'],
    activity: 1,
  },
  {
    slug: 'fangxun',
    name: '2024年防汛防台指挥群',
    unitKey: '应急办',
    roster: { kind: 'random', min: 20, max: 60 },
    topics: [],
    activity: 0,
    zombie: true,
    createdOn: '2024-06-11',
  },
  {
    slug: 'renju',
    name: '人居环境整治群',
    unitKey: '城建办',
    roster: topic(['城建办', '农业农村办'], { role: 'any', count: 1 }, 1, 2),
    topics: ['construction', 'civility'],
    activity: 1,
  },
  {
    slug: 'nongye',
    name: '农业农村办工作群',
    unitKey: '农业农村办',
    roster: { kind: 'unit' },
    topics: ['rural'],
    activity: 0.9,
  },
];

/** Topic groups added when a town has more groups than the base list and its communities fill. */
const EXTRA_TOPICS: readonly [string, string, string, Topic][] = [
  ['senlin', '森林防火专班', '应急办', 'safety'],
  ['ranqi', '燃气安全专项整治群', '应急办', 'safety'],
  ['xinfang', '信访维稳专班', '综治办', 'stability'],
  ['zhaoshang', '招商引资专班', '经济发展办', 'economy'],
  ['hezhang', '河长制工作群', '农业农村办', 'rural'],
  ['laji', '垃圾分类工作群', '城建办', 'construction'],
  ['zhengbing', '征兵工作群', '党政办', 'office'],
  ['yibao', '医保征缴工作群', '社会事务办', 'social'],
  ['fanzha', '反诈宣传工作群', '综治办', 'stability'],
  ['laojiu', '老旧小区改造专班', '城建办', 'construction'],
  ['minsheng', '民生实事项目群', '经济发展办', 'economy'],
  ['tuiyi', '退役军人服务群', '社会事务办', 'social'],
  ['dangyuan', '党员志愿者服务群', '党建办', 'party'],
];

/** The first `count` group specs of a town with `communities` communities. */
export function townGroupSpecs(count: number, communities: number): GroupSpec[] {
  const specs = BASE.filter((s) => s.community === undefined || s.community < communities);
  for (let c = 4; c < communities; c++) specs.push(...communityPair(c));
  for (let c = 0; c < communities; c++) {
    specs.push({
      slug: 'zhiyuan',
      name: '{c}志愿者服务群',
      unitKey: '{c}',
      roster: { kind: 'communityExtra' },
      topics: ['community'],
      activity: 0.6,
      community: c,
    });
  }
  for (const [slug, name, unitKey, t] of EXTRA_TOPICS) {
    specs.push({
      slug,
      name,
      unitKey,
      roster: topic([unitKey], { role: 'any', count: 1 }, 1, 3),
      topics: [t],
      activity: 0.8,
    });
  }
  for (let n = 1; specs.length < count; n++) {
    specs.push({
      slug: `xiaozu-${n}`,
      name: `{town}第${n}工作小组群`,
      unitKey: '党政办',
      roster: { kind: 'random', min: 10, max: 40 },
      topics: ['general'],
      activity: 0.6,
    });
  }
  return specs.slice(0, count);
}
