/**
 * Realistic Chinese personal names: common surnames weighted roughly by frequency, given names of one
 * or two characters. Names are unique within one name book (one town) as long as the pool allows.
 */
import type { Prng } from './prng.js';

// Most frequent surnames first; the first ten carry about 40% of the population.
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周',
  ...'徐孙马朱胡郭何高林罗',
  ...'郑梁谢宋唐许韩冯邓曹',
  ...'彭曾肖田董袁潘于蒋蔡',
  ...'余杜叶程苏魏吕丁任沈',
  ...'姚卢姜崔钟谭陆汪范金',
  ...'石廖贾夏韦付方白邹孟',
  ...'熊秦邱江尹薛闫段雷侯',
  ...'龙史陶黎贺顾毛郝龚邵',
];
const SURNAME_WEIGHTS = SURNAMES.map((_, i) => (i < 10 ? 8 : i < 30 ? 3 : 1));

const GIVEN_ONE = [
  ...'伟强军磊勇杰涛斌超明刚平辉鹏华飞鑫波宁俊峰浩亮成娜芳敏静丽艳娟霞玲婷雪琳慧颖洁萍红梅琴燕兰',
];
const GIVEN_FIRST = [...'建志国海晓小文永俊家子嘉春秋丽桂玉秀美雅佳雨思欣明红德金宏立'];
const GIVEN_SECOND = [...'华强军平明杰伟峰辉东林波涛刚新民生英芳兰萍霞燕琴娟婷丽敏静洁慧颖琳雪梅红荣云宇轩'];

export interface NameBook {
  /** A fresh name, unique in this book unless the pool is exhausted after several tries. */
  next(): string;
}

export function createNameBook(rng: Prng): NameBook {
  const used = new Set<string>();

  function draw(): string {
    const surname = SURNAMES[rng.weightedIndex(SURNAME_WEIGHTS)] as string;
    if (rng.chance(0.25)) return surname + rng.pick(GIVEN_ONE);
    return surname + rng.pick(GIVEN_FIRST) + rng.pick(GIVEN_SECOND);
  }

  return {
    next() {
      let name = draw();
      for (let tries = 0; used.has(name) && tries < 30; tries++) name = draw();
      used.add(name);
      return name;
    },
  };
}

/** The surname (first character) of a name, for forms of address such as 王书记 or 小李. */
export function surnameOf(name: string): string {
  return name.slice(0, 1);
}
