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
