// 敏感词 with their level. 禁止: words that may not appear in the newsroom's own voice (a quoted
// speaker's words are marked 引语 and not checked); 警告: words to be used only with care; 提示: words a
// signer should look at. Sources: 新华社《新闻信息报道中的禁用词和慎用词》(2016) for the 涉台、涉外 and
// discriminatory terms, 国务院台湾事务办公室 涉台宣传用语 for 台湾当局 names.
import { rows } from './rows';

const XINHUA_TW = '新华社《禁用词和慎用词》涉台用语：对台湾地区政权不使用“中华民国”及“政府”“总统”等称谓';
const XINHUA_PEOPLE = '新华社《禁用词和慎用词》：不使用对特定群体的蔑称';
const XINHUA_FOREIGN = '新华社《禁用词和慎用词》涉外用语';
const XINHUA_COURT = '新华社《禁用词和慎用词》：法院判决前不称“罪犯”；未成年人案件不披露姓名';

export const SENSITIVE = [
  ...rows(
    'SENSITIVE',
    'BLOCK',
    XINHUA_TW,
    `台湾政府→台湾当局
台湾总统→台湾地区领导人
台湾国→台湾地区
中华民国→台湾地区
中华民国总统→台湾地区领导人
台湾行政院长→台湾地区行政管理机构负责人
台湾立法院→台湾地区立法机构
中台两国→两岸`,
  ),
  ...rows(
    'SENSITIVE',
    'WARN',
    XINHUA_TW,
    `台湾国防部→台湾地区防务部门
台湾外交部→台湾地区外事部门
台湾总统府→台湾地区领导人办公室
两岸两国→两岸`,
  ),
  ...rows(
    'SENSITIVE',
    'WARN',
    XINHUA_PEOPLE,
    `乡巴佬→（不使用）
蛮子→（不使用）
黑鬼→（不使用）
洋鬼子→（不使用）
娘娘腔→（不使用）
剩女→（不使用）
外来妹→外来务工人员
打工仔→务工人员
盲流→外来人员`,
  ),
  ...rows(
    'SENSITIVE',
    'HINT',
    XINHUA_FOREIGN,
    `伊斯兰国→“伊斯兰国”（加引号）
东突→“东突”（加引号）`,
  ),
  ...rows(
    'SENSITIVE',
    'WARN',
    XINHUA_COURT,
    `罪犯嫌疑人→犯罪嫌疑人
嫌犯→犯罪嫌疑人`,
  ),
];
