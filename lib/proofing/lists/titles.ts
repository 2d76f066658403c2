// 人名职务: national leaders and the order of their titles as 新华社 writes them, from the
// 第十四届全国人民代表大会第一次会议 (2023年3月) elections and the 中共二十届一中全会 (2022年10月).
// The newsroom adds its own 市、区 leaders under 审校词库; a leader who changes office is changed there.
import type { ProofingEntry } from '../kinds';

const SOURCE_NPC = '新华社 2023年3月 十四届全国人大一次会议选举和决定任命结果';
const SOURCE_CPC = '新华社 2022年10月 中共二十届一中全会公报';

function leader(name: string, titles: string, source: string): ProofingEntry {
  return { kind: 'TITLE', term: name, suggestion: titles, level: 'WARN', source };
}

export const TITLES: ProofingEntry[] = [
  leader('习近平', '中共中央总书记、国家主席、中央军委主席；总书记、主席', SOURCE_NPC),
  leader('李强', '国务院总理；总理', SOURCE_NPC),
  leader('赵乐际', '全国人大常委会委员长；委员长', SOURCE_NPC),
  leader('王沪宁', '全国政协主席；主席', SOURCE_NPC),
  leader('蔡奇', '中央书记处书记', SOURCE_CPC),
  leader('丁薛祥', '国务院副总理；副总理', SOURCE_NPC),
  leader('李希', '中央纪委书记', SOURCE_CPC),
  leader('韩正', '国家副主席；副主席', SOURCE_NPC),
];
