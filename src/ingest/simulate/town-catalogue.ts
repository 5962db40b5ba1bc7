/**
 * Fixed vocabulary of a Chinese town government: leadership titles, offices, communities and villages,
 * and town names. Slugs (ASCII) build stable group ids.
 */
import type { Prng } from './prng.js';

export const LEADERSHIP_UNIT = '领导班子';

/** Leadership posts in order of rank, with the short form used to address the holder. */
export const LEADER_TITLES: readonly { title: string; address: string }[] = [
  { title: '党委书记', address: '书记' },
  { title: '镇长', address: '镇长' },
  { title: '党委副书记', address: '书记' },
  { title: '人大主席', address: '主席' },
  { title: '副镇长', address: '镇长' },
  { title: '纪委书记', address: '书记' },
  { title: '组织委员', address: '委员' },
  { title: '宣传委员', address: '委员' },
  { title: '武装部长', address: '部长' },
];

/** Offices of the town government and their relative staff sizes. */
export const OFFICE_UNITS: readonly { key: string; weight: number }[] = [
  { key: '党政办', weight: 1.3 },
  { key: '党建办', weight: 1 },
  { key: '经济发展办', weight: 1 },
  { key: '社会事务办', weight: 1 },
  { key: '综治办', weight: 1 },
  { key: '应急办', weight: 0.9 },
  { key: '城建办', weight: 0.9 },
  { key: '农业农村办', weight: 0.8 },
];

export interface CommunityName {
  name: string;
  slug: string;
  village: boolean;
}

export const COMMUNITIES: readonly CommunityName[] = [
  { name: '东湖社区', slug: 'donghu', village: false },
  { name: '西苑社区', slug: 'xiyuan', village: false },
  { name: '南桥社区', slug: 'nanqiao', village: false },
  { name: '红旗村', slug: 'hongqi', village: true },
  { name: '永丰村', slug: 'yongfeng', village: true },
  { name: '北港社区', slug: 'beigang', village: false },
  { name: '长桥村', slug: 'changqiao', village: true },
  { name: '金星村', slug: 'jinxing', village: true },
  { name: '翠竹社区', slug: 'cuizhu', village: false },
  { name: '高家村', slug: 'gaojia', village: true },
  { name: '和平社区', slug: 'heping', village: false },
  { name: '沿河村', slug: 'yanhe', village: true },
  { name: '花园社区', slug: 'huayuan', village: false },
  { name: '三里村', slug: 'sanli', village: true },
];

const FIRST = [...'永长高安清石金大平龙白沙柳枫青双华兴和东西南北红'];
const SECOND = [...'桥塘港泾湾林山河溪泉坝岭口庄店堰埠渡亭浦'];
const QUARTER = ['', '东', '西', '南', '北'];

/** `count` distinct town names; the first is always 新浜镇 so single-town runs read the same. */
export function townNames(count: number, rng: Prng): string[] {
  const combos = rng.shuffled(FIRST.flatMap((a) => SECOND.map((b) => a + b)));
  const names = ['新浜镇'];
  for (let i = 0; names.length < count; i++) {
    const base = combos[i % combos.length] as string;
    const quarter = QUARTER[Math.floor(i / combos.length) % QUARTER.length] as string;
    names.push(`${base}${quarter}镇`);
  }
  return names;
}

/** The communities of one town: the first town keeps the catalogue order (东湖社区 first). */
export function townCommunities(townIndex: number, count: number, rng: Prng): CommunityName[] {
  const list = townIndex === 0 ? COMMUNITIES.slice() : rng.shuffled(COMMUNITIES);
  return list.slice(0, Math.min(count, list.length));
}
