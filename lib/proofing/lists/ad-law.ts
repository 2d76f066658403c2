// 广告法极限词 and promises the law forbids in advertising. A news report may use these words
// (最高气温, 国家级非物质文化遗产), so most are a 提示 and only matter in an advertorial or a report that
// reads like one; promises of cure or return, which no report should make in its own voice, are 警告.
import { rows } from './rows';

const ARTICLE_9 = '《广告法》第九条第（三）项：不得使用“国家级”“最高级”“最佳”等用语';
const ABSOLUTE = '《广告法》第九条第（三）项，市场监管总局《广告绝对化用语执法指南》(2023)';
const ARTICLE_16 =
  '《广告法》第十六条：医疗、药品、医疗器械广告不得表示功效、安全性的断言或者保证，不得说明治愈率或者有效率';
const ARTICLE_17 = '《广告法》第十七条：医疗、药品、医疗器械以外的广告不得涉及疾病治疗功能';
const ARTICLE_24 = '《广告法》第二十四条：教育、培训广告不得对升学、通过考试或者培训效果作出保证性承诺';
const ARTICLE_25 = '《广告法》第二十五条：有投资回报预期的广告不得对未来效果、收益作出保证性承诺';

export const AD_LAW = [
  ...rows(
    'AD_LAW',
    'HINT',
    ARTICLE_9,
    `国家级
最高级
最佳`,
  ),
  ...rows(
    'AD_LAW',
    'HINT',
    ABSOLUTE,
    `全网最低
全网第一
全国第一
全球第一
销量第一
排名第一
第一品牌
最低价
最便宜
最优惠
最先进
最时尚
最受欢迎
最具性价比
史无前例
前无古人
绝无仅有
空前绝后
独一无二
遥遥领先
世界领先
全球领先
顶级
极品
至尊
王牌
领导品牌
领袖品牌
独家配方
万能
百分之百
100%
无与伦比
永久保修
终身保修
零缺陷
无敌
国际品质
国家免检
填补国内空白`,
  ),
  ...rows(
    'AD_LAW',
    'WARN',
    ARTICLE_16,
    `药到病除
彻底治愈
治愈率
有效率达
无效退款
无副作用
无毒副作用
一次见效
立竿见影
安全无毒`,
  ),
  ...rows(
    'AD_LAW',
    'WARN',
    ARTICLE_17,
    `包治百病
防癌抗癌
延年益寿`,
  ),
  ...rows(
    'AD_LAW',
    'WARN',
    ARTICLE_24,
    `保过
包过
不过退费
不过退款
保证通过
保证录取
包就业`,
  ),
  ...rows(
    'AD_LAW',
    'WARN',
    ARTICLE_25,
    `保本保息
稳赚不赔
零风险
保证收益
只赚不赔
稳赚
高收益无风险`,
  ),
];
