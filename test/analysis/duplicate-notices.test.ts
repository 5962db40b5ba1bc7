import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DROPPED_TEXT } from '../../src/analysis/dedupe/deliveries.js';
import {
  type DuplicateCluster,
  duplicateNoticesDetector,
  findDuplicates,
  findDuplicatesAllPairs,
} from '../../src/analysis/duplicate-notices.js';
import { createWorkCalendar } from '../../src/calendar/work-calendar.js';
import { configSchema } from '../../src/config/schema.js';
import type { MessageType, StoredMessage, TextClass } from '../../src/model/message.js';
import { textFingerprint } from '../../src/text/notice-form.js';
import { anyText } from './dedupe/arbitrary-text.js';
import { createMessageFactory } from './dedupe/message-factory.js';
import { ALL_CASES, caseMessages, NEGATIVE_CASES, NOTICE, POSITIVE_CASES } from './dedupe/notice-cases.js';

const config = configSchema.parse({});

function run(messages: StoredMessage[], members = new Map<string, string[]>()): DuplicateCluster[] {
  const data = {
    week: '2026-W47',
    from: 0,
    to: Number.MAX_SAFE_INTEGER,
    messages,
    groups: [],
    members,
    contacts: new Map(),
    lastHumanMessageAt: new Map(),
  };
  return duplicateNoticesDetector.run({ data, config, calendar: createWorkCalendar(config) }, {});
}

/** Clusters as sorted lists of ids, sorted: comparable regardless of order. */
const canonical = (clusters: string[][]) =>
  clusters.map((c) => [...c].sort()).sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));

/** Unordered message pairs inside the clusters. */
function pairs(clusters: string[][]): Set<string> {
  const out = new Set<string>();
  for (const cluster of clusters) {
    const sorted = [...cluster].sort();
    for (let i = 0; i < sorted.length; i++)
      for (let j = i + 1; j < sorted.length; j++) out.add(`${sorted[i]}|${sorted[j]}`);
  }
  return out;
}

describe('duplicate notices: positive variations', () => {
  it.each(POSITIVE_CASES.map((c) => [c.name, c] as const))('%s', (_name, notice) => {
    const found = run(caseMessages(notice)).map((c) => c.messageIds);
    expect(canonical(found)).toEqual(canonical(notice.clusters));
  });
});

describe('duplicate notices: hard negatives', () => {
  it.each(NEGATIVE_CASES.map((c) => [c.name, c] as const))('%s', (_name, notice) => {
    const found = run(caseMessages(notice)).map((c) => c.messageIds);
    expect(canonical(found)).toEqual(canonical(notice.clusters));
  });
});

describe('duplicate notices: pairwise precision and recall over the table', () => {
  it('is 1 and 1, each case run on its own', () => {
    let truthPairs = 0;
    let predictedPairs = 0;
    let hits = 0;
    for (const notice of ALL_CASES) {
      const truth = pairs(notice.clusters);
      const predicted = pairs(run(caseMessages(notice)).map((c) => c.messageIds));
      truthPairs += truth.size;
      predictedPairs += predicted.size;
      hits += [...predicted].filter((p) => truth.has(p)).length;
    }
    expect(truthPairs).toBeGreaterThan(40);
    expect({ precision: hits / predictedPairs, recall: hits / truthPairs }).toEqual({
      precision: 1,
      recall: 1,
    });
  });
});

describe('duplicate notices: the whole table in one week', () => {
  const messages = ALL_CASES.flatMap((c, k) => caseMessages(c, `${k}:`)).sort((a, b) => a.time - b.time);
  const caseOf = (id: string) => Number(id.slice(0, id.indexOf(':')));

  it('finds every expected pair, and joins other messages only within a family of cases', () => {
    const predicted = pairs(run(messages).map((c) => c.messageIds));
    const truth = pairs(
      ALL_CASES.flatMap((c, k) => c.clusters.map((cl) => cl.map((label) => `${k}:${label}`))),
    );
    const family = (id: string) => ALL_CASES[caseOf(id)]?.family;
    const unexpected = [...predicted].filter((p) => {
      const [a, b] = p.split('|') as [string, string];
      return !truth.has(p) && (family(a) === undefined || family(a) !== family(b));
    });
    expect(unexpected).toEqual([]);
    expect([...truth].filter((p) => !predicted.has(p))).toEqual([]);
  });

  it('agrees with the all-pairs reference', () => {
    const lsh = findDuplicates(messages, config).map((s) => s.messageIds);
    const reference = findDuplicatesAllPairs(messages, config).map((s) => s.messageIds);
    expect(canonical(lsh)).toEqual(canonical(reference));
  });
});

describe('duplicate notices: cluster fields', () => {
  const make = createMessageFactory();
  const messages = [
    make({ id: 'first', text: NOTICE, group: 'A', sender: 'office', at: 0 }),
    make({ id: 'fwdB', text: `【转发】${NOTICE}`, group: 'B', sender: 'u2', at: 5 }),
    make({ id: 'fwdC', text: `转：${NOTICE}`, group: 'C', sender: 'u3', at: 9 }),
    make({ id: 'fwdD', text: NOTICE, group: 'D', sender: 'u4', at: 12 }),
    make({ id: 'againA', text: `@所有人 ${NOTICE}`, group: 'A', sender: 'office', at: 200 }),
  ];
  const members = new Map([
    ['A', ['m1', 'm2', 'm3']],
    ['B', ['m2', 'm3', 'm4']],
    ['C', ['m3', 'm5']],
    // D has no membership snapshot: counts no members.
  ]);

  it('describes the first copy, the groups in order reached and every copy', () => {
    const [cluster, ...rest] = run(messages, members);
    expect(rest).toEqual([]);
    expect(cluster).toMatchObject({
      kind: 'text',
      messageIds: ['first', 'fwdB', 'fwdC', 'fwdD', 'againA'],
      groupIds: ['A', 'B', 'C', 'D'],
      firstMessageId: 'first',
      firstSenderId: 'office',
      firstGroupId: 'A',
      firstTime: messages[0]?.time,
      copies: 5,
    });
    expect(Array.from(cluster?.excerpt ?? '').length).toBeLessThanOrEqual(60);
    expect(cluster?.excerpt.startsWith('关于开展2026年冬季安全生产大检查的通知 各村')).toBe(true);
    expect(cluster?.excerpt.endsWith('…')).toBe(true);
  });

  it('counts redundant deliveries per member: Σ (copies received − 1)', () => {
    // m1: A twice → 1; m2: A twice + B → 2; m3: A twice + B + C → 3; m4: B → 0; m5: C → 0.
    expect(run(messages, members)[0]?.redundantDeliveries).toBe(6);
    // Without the re-post: m2 1, m3 2 (k − 1 for a member in k groups).
    expect(run(messages.slice(0, 4), members)[0]?.redundantDeliveries).toBe(3);
  });

  it('counts the two parts of a split notice as one delivery', () => {
    const parts = NOTICE.split('\n');
    const split = [
      make({ id: 'full', text: NOTICE, group: 'A', sender: 'office', at: 0 }),
      make({ id: 'p1', text: parts.slice(0, 3).join('\n'), group: 'B', sender: 'u2', at: 5 }),
      make({ id: 'p2', text: parts.slice(3).join('\n'), group: 'B', sender: 'u2', at: 6 }),
    ];
    const [cluster] = run(split, members);
    expect(cluster?.messageIds).toEqual(['full', 'p1', 'p2']);
    // m2 and m3 are in A and B: one redundant copy each.
    expect(cluster?.redundantDeliveries).toBe(2);
  });

  it('gives a stable id that depends on the first copy', () => {
    const a = run(messages, members)[0]?.id;
    expect(run(messages, members)[0]?.id).toBe(a);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(run(messages.slice(1), members)[0]?.id).not.toBe(a);
  });

  it('labels file and link clusters by file name and title', () => {
    const files = run([
      make({ id: 'f1', file: { name: '自查表.xlsx', sha256: 'cafe' }, group: 'A', at: 0 }),
      make({ id: 'f2', file: { name: '自查表(1).xlsx', sha256: 'cafe' }, group: 'B', at: 1 }),
      make({
        id: 'l1',
        link: { title: '一篇文章', url: 'https://x.gov.cn/a?utm_source=1' },
        group: 'A',
        at: 2,
      }),
      make({ id: 'l2', link: { title: '一篇文章', url: 'https://x.gov.cn/a' }, group: 'B', at: 3 }),
    ]);
    expect(files.map((c) => [c.kind, c.excerpt])).toEqual([
      ['file', '自查表.xlsx'],
      ['link', '一篇文章'],
    ]);
  });
});

describe('duplicate notices: texts the store dropped', () => {
  const make = createMessageFactory();
  const dropped = (id: string, group: string, at: number, text: string, textClass: TextClass = 'notice') =>
    make({
      id,
      group,
      at,
      dropped: { fingerprint: textFingerprint(text), textLength: text.length, textClass },
    });

  it('clusters copies by their stored fingerprint, with or without a kept copy', () => {
    const clusters = run([
      make({ id: 'kept', text: NOTICE, group: 'A', at: 0 }),
      dropped('gone1', 'B', 5, `【转发】${NOTICE}`),
      dropped('gone2', 'C', 9, NOTICE),
      dropped('other1', 'A', 20, '请各村于今天下午5点前报送防汛值班人员名单，谢谢！'),
      dropped('other2', 'B', 25, '请各村于今天下午5点前报送防汛值班人员名单，谢谢！'),
    ]);
    expect(clusters.map((c) => [c.messageIds, c.excerpt.slice(0, 6)])).toEqual([
      [['kept', 'gone1', 'gone2'], '关于开展20'],
      [['other1', 'other2'], DROPPED_TEXT.slice(0, 6)],
    ]);
  });

  it('ignores dropped texts that were short or not notices', () => {
    const clusters = run([
      dropped('ack1', 'A', 0, '收到'),
      dropped('ack2', 'B', 1, '收到'),
      dropped('chat1', 'A', 2, '今天下午的会议改到三楼小会议室开了大家注意一下', 'chat'),
      dropped('chat2', 'B', 3, '今天下午的会议改到三楼小会议室开了大家注意一下', 'chat'),
    ]);
    expect(clusters).toEqual([]);
  });
});

describe('duplicate notices: properties', () => {
  const TYPES: MessageType[] = [
    'text',
    'text',
    'text',
    'link',
    'file',
    'image',
    'system',
    'recalled',
    'emoticon',
  ];

  it('never throws on any text, type, link or file', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            text: fc.option(anyText()),
            type: fc.constantFrom(...TYPES),
            group: fc.constantFrom('a', 'b', 'c'),
            url: fc.option(anyText()),
            name: fc.option(fc.constantFrom('a.doc', '表.xlsx', '')),
            hash: fc.option(fc.constantFrom('h1', 'h2', '')),
          }),
          { maxLength: 25 },
        ),
        (specs) => {
          const make = createMessageFactory();
          const messages = specs.map((s, k) =>
            make({
              text: s.text,
              type: s.type,
              group: s.group,
              at: k,
              link: s.type === 'link' ? { url: s.url, title: s.text } : undefined,
              file:
                s.type === 'file' || s.type === 'image'
                  ? { name: s.name, sha256: s.hash, size: 1 }
                  : undefined,
            }),
          );
          const clusters = run(messages, new Map([['a', ['x', 'y']]]));
          for (const cluster of clusters) {
            expect(cluster.copies).toBeGreaterThanOrEqual(2);
            expect(cluster.redundantDeliveries).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });

  it('agrees with the all-pairs reference on random near-duplicate sets', () => {
    const alphabet =
      '的一是在了和有大这主中人上为们地个用工时要动国产以我到他会作来分生对于学下级就年阶义发成部民可出能方进同行面说种过命度革而多子后自社加小机也经力线本电高量长党得实家定深法表着水理化争现所二起政三好十战无农使性前等反体合斗路图把结第里正新开论之物从当两些还天资事队批如应形想制心样干都向变关点育重其思与间内去因件日利相由压员气业代全组数果期导平各基或月毛然问比展那它最及外没看治提五解系林者米群头意只明四道马认次文通但条较克又公孔领军流入接席位情运器并飞原油放立题质指建区验活众很教决特此常石强极土少已根共直团统式转别造切九你取西持总料连任志观调七么山程百报更见必真保热委手改管处己将修支识病象几先老光专什六型具示复安带每东增则完风回南广劳轮科北打积车计给节做务被整联步类集号列温装即毫知轴研单色坚据速防史拉世设达尔场织历花受求传口断况采精金界品判参层止边清至万确究书术状厂须离再目海交权且儿青才证低越际八试规斯近注办布门铁需走议县兵固除般引齿千胜细影济白格效置推空配刀叶率述今选养德话查差半敌始片施响收华觉备名红续均药标记难存测士身紧液派准斤角降维板许破述技消底床田势端感往神便贺村构照容非搞亚磨族火段算适讲按值美态黄易彪服早班麦削信排台声该击素张密害侯草何树肥继右属市严径螺检左页抗苏显苦英快称坏移约巴材省黑武培著河帝仅针怎植京助升王眼她抓含苗副杂普谈围食射源例致酸旧却充足短划剂宣环落首尺波承粉践府鱼随考刻靠够满夫失包住促枝局菌杆周护岩师举曲春元超负砂封换太模贫减阳扬江析亩木言球朝医校古呢稻宋听唯输滑站另卫字鼓刚写刘微略范供阿块某功套友限项余倒卷创律雨让骨远帮初皮播优占死毒圈伟季训控激找叫云互跟裂粮粒母练塞钢顶策双留误础吸阻故寸盾晚丝女散焊功株亲院冷彻弹错散商视艺灭版烈零室轻血倍缺厘泵察绝富城冲喷壤简否柱李望盘磁雄似困巩益洲脱投送奴侧润盖挥距触星松送获兴独官混纪依未突架宽冬章湿偏纹吃执阀矿寨责熟稳夺硬价努翻奇甲预职评读背协损棉侵灰虽矛厚罗泥辟告卵箱掌氧恩爱停曾溶营终纲孟钱待尽俄缩沙退陈讨奋械载胞幼哪剥迫旋征槽倒握担仍呀鲜吧卡粗介钻逐弱脚怕盐末阴丰雾冠丙街莱贝辐肠付吉渗瑞惊顿挤秒悬姆烂森糖圣凹陶词迟蚕亿矩康遵牧遭幅园腔订香肉弟屋敏恢忘编印蜂急拿扩伤飞露核缘游振操央伍域甚迅辉异序免纸夜乡久隶缸夹念兰映沟乙吗儒杀汽磷艰晶插埃燃欢铁补咱芽永瓦倾阵碳演威附牙芽永瓦斜灌欧献顺猪洋腐请透司危括脉宜笑若尾束壮暴企菜穗楚汉愈绿拖牛份染既秋遍锻玉夏疗尖殖井费州访吹荣铜沿替滚客召旱悟刺脑措贯藏敢令隙炉壳硫煤迎铸粘探临薄旬善福纵择礼愿伏残雷延烟句纯渐耕跑泽慢栽鲁赤繁境潮横掉锥希池败船假亮谓托伙哲怀割摆贡呈劲财仪沉炼麻罪祖息车穿货销齐鼠抽画饲龙库守筑房歌寒喜哥洗蚀废纳腹乎录镜妇恶脂庄擦险赞钟摇典柄辩竹谷卖乱虚桥奥伯赶垂途额壁网截野遗静谋弄挂课镇妄盛耐援扎虑键归符庆聚绕摩忙舞遇索顾胶羊湖钉仁音迹碎伸灯避泛亡答勇频皇柳哈揭甘诺概宪浓岛袭谁洪谢炮浇斑讯懂灵蛋闭孩释乳巨徒私银伊景坦累匀霉杜乐勒隔弯绩招绍胡呼痛峰零柴簧午跳居尚丁秦稍追梁折耗碱殊岗挖氏刃剧堆赫荷胸衡勤膜篇登驻案刊秧缓凸役剪川雪链渔啦脸户洛孢勃盟买杨宗焦赛旗滤硅炭股坐蒸凝竟陷枪黎救冒暗洞犯筒您宋弧爆谬涂味津臂障褐陆啊健尊豆拔莫抵桑坡缝警挑污冰柬嘴啥饭塑寄赵喊垫丹渡耳刨虎笔稀昆浪萨茶滴浅拥穴覆伦娘吨浸袖珠雌妈紫戏塔锤震岁貌洁剖牢锋疑霸闪埔猛诉刷狠忽灾闹乔唐漏闻沈熔氯荒茎男凡抢像浆旁玻亦忠唱蒙予纷捕锁尤乘乌智淡允叛畜俘摸锈扫毕璃宝芯爷鉴秘净蒋钙肩腾枯抛轨堂拌爸循诱祝励肯酒绳穷塘燥泡袋朗喂铝软渠颗惯贸粪综墙趋彼届墨碍启逆卸航衣孙龄岭骗休借';
    const cjk = fc
      .array(fc.constantFrom(...alphabet.slice(0, 400)), { minLength: 12, maxLength: 140 })
      .map((c) => c.join(''));
    const dated = fc
      .tuple(cjk, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), cjk)
      .map(([a, month, day, b]) => `${a}，请于${month}月${day}日前${b}`);
    const variant = fc.constantFrom(
      'same',
      'prefix',
      'punctuation',
      'signoff',
      'sentence',
      'split',
      'typo',
      'date',
      'cut',
      'emoji',
    );
    const apply = (base: string, kind: string, extra: string): string[] => {
      const chars = Array.from(base);
      switch (kind) {
        case 'prefix':
          return [`【转发】@所有人 ${base}`];
        case 'punctuation':
          return [chars.map((c, k) => (k % 7 === 6 ? `${c}，` : c)).join('')];
        case 'signoff':
          return [`${base}\n——${extra.slice(0, 8)}`];
        case 'sentence':
          return [`${base}。${extra}`];
        case 'split': {
          const at = Math.floor(chars.length / 2);
          return [chars.slice(0, at).join(''), chars.slice(at).join('')];
        }
        case 'typo':
          return [chars.map((c, k) => (k === Math.floor(chars.length / 3) ? '错' : c)).join('')];
        case 'date':
          return [base.replace(/(\d+)日/, (_m, d) => `${(Number(d) % 28) + 1}日`)];
        case 'cut':
          return [chars.slice(0, Math.max(20, Math.floor(chars.length * 0.8))).join('')];
        case 'emoji':
          return [`${base}👍🏻[强]`];
        default:
          return [base];
      }
    };
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(cjk, dated), fc.array(fc.tuple(variant, cjk), { maxLength: 6 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (families) => {
          const make = createMessageFactory();
          const messages: StoredMessage[] = [];
          families.forEach(([base, variants], f) => {
            messages.push(make({ text: base, group: `g${f}` }));
            for (const [kind, extra] of variants) {
              for (const text of apply(base, kind, extra))
                messages.push(make({ text, group: `g${messages.length % 5}` }));
            }
          });
          const lsh = findDuplicates(messages, config).map((s) => s.messageIds);
          const reference = findDuplicatesAllPairs(messages, config).map((s) => s.messageIds);
          expect(canonical(lsh)).toEqual(canonical(reference));
        },
      ),
      { numRuns: 300 },
    );
  });
});
