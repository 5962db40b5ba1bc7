/**
 * What a message asks of its readers besides a deadline: photo proof (拍照打卡), an answer (a
 * question), or the attention of someone it addresses (a remark to a person).
 */

import type { StoredMessage } from '../model/message.js';
import { toNfkc } from './normalise.js';

/**
 * Whether a text demands photo or screenshot proof posted to the group: a proof word (打卡, 截图,
 * 拍照, 照片, 留痕…) and a posting word (发群里, 发到群里, 上传, 报送…) in one sentence, or a proof
 * pair ("拍照打卡", "截图留痕") with a demand word (请, 务必, 要求…). A negated proof word
 * ("无需截图", "请勿拍照") does not count. Contract: linear; at most MAX_SCAN characters read.
 */
const PROOF = /打卡|截图|截屏|拍照|照片|相片|图片|留痕|合影|现场图|佐证/g;
const PROOF_ANY = new RegExp(PROOF.source);
const POST =
  /发群里|发到群|发至群|发在群|发群|群里发|发本群|发到本群|发至本群|发到工作群|晒到群|上传|发上来|传上来|报送|上报|发给我|回传/;
const PAIR = /(?:拍照|截图|截屏|照片)(?:打卡|留痕)|(?:打卡|留痕)(?:截图|照片|拍照)/;
const DEMAND = /请|务必|必须|须|要求|需要|需|各单位|各位|大家/;
const NEGATION = /无需|不需|不用|不必|不要|勿|禁止|严禁|不得|无须/;
const CLAUSE_BREAK = /[，,、]/;
// Questions ("截图发群里了吗？") ask, they do not demand: split them off with their mark.
const SENTENCE = /(?<=[。！？!?；;\n])/;
const QUESTION_SENTENCE = /[？?]$|吗/;
const MAX_SCAN = 3000;
const NEGATION_REACH = 6;

export function isPhotoDemand(text: string | null): boolean {
  if (text === null || !PROOF_ANY.test(text)) return false;
  for (const sentence of toNfkc(text.slice(0, MAX_SCAN)).split(SENTENCE)) {
    if (sentence.length < 4 || QUESTION_SENTENCE.test(sentence)) continue;
    let proof = false;
    for (const m of sentence.matchAll(PROOF)) {
      const before = sentence
        .slice(Math.max(0, m.index - NEGATION_REACH), m.index)
        .split(CLAUSE_BREAK)
        .pop();
      if (!NEGATION.test(before ?? '')) {
        proof = true;
        break;
      }
    }
    if (!proof) continue;
    if (POST.test(sentence) || (PAIR.test(sentence) && DEMAND.test(sentence))) return true;
  }
  return false;
}

/**
 * Whether a short text is addressed to one person ("李书记，那户的暖气片周四来修", "小王，材料放你桌上
 * 了"): a form of address — a name with a title, or 小/老 + surname — then a comma. Such a remark
 * answers or instructs that person; it is not a post that the whole group replies to.
 * Contract: reads at most the first 8 characters.
 */
const ADDRESS =
  /^(?:[\p{Script=Han}]{1,3}(?:书记|主任|局长|部长|县长|市长|区长|镇长|乡长|科长|处长|所长|站长|队长|院长|校长|主席|委员|组长|经理|老师|总)|[小老][\p{Script=Han}]|[\p{Script=Han}]{2,3})[，,]/u;

export function isAddressedRemark(text: string | null): boolean {
  return text !== null && ADDRESS.test(text.slice(0, 8));
}

const QUESTION = /[?？]/;

/**
 * Whether a short message asks a question or is a remark to one person ("小王，材料放你桌上了"):
 * from its text while stored, else from its stored class. Such messages open no reply flood.
 */
export function isQuestionOrRemark(m: Pick<StoredMessage, 'text' | 'textClass'>): boolean {
  if (m.text !== null) return QUESTION.test(m.text) || isAddressedRemark(m.text);
  return m.textClass === 'question' || m.textClass === 'addressed';
}
