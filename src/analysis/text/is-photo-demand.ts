import { toNfkc } from './to-nfkc.js';

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
const QUESTION = /[？?]$|吗/;
const MAX_SCAN = 3000;
const NEGATION_REACH = 6;

export function isPhotoDemand(text: string | null): boolean {
  if (text === null || !PROOF_ANY.test(text)) return false;
  for (const sentence of toNfkc(text.slice(0, MAX_SCAN)).split(SENTENCE)) {
    if (sentence.length < 4 || QUESTION.test(sentence)) continue;
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
