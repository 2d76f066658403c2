// Deterministic, realistic-looking Chinese news text for benchmarks: place names, offices and
// policy phrases of a county newsroom, assembled into sentences and paragraphs of print lengths.
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const PLACES = [
  '柯城',
  '衢州',
  '衢江',
  '龙游',
  '江山',
  '常山',
  '开化',
  '荷花街道',
  '府山街道',
  '信安街道',
  '双港街道',
  '航埠镇',
  '石梁镇',
  '九华乡',
  '七里乡',
  '万田乡',
  '沟溪乡',
  '华墅乡',
  '大俱源溪',
  '石梁溪',
  '庙源溪',
  '衢江',
];
export const SUBJECTS = [
  '区委',
  '区政府',
  '区纪委监委',
  '区融媒体中心',
  '区人民医院',
  '区教育局',
  '区住建局',
  '区农业农村局',
  '巡察组',
  '红色物业联盟',
  '社区党组织',
  '志愿服务队',
  '乡村振兴工作队',
  '河长办',
  '市场监管所',
  '派出所',
  '文化礼堂',
  '共富工坊',
];
export const VERBS = [
  '召开',
  '部署',
  '推进',
  '启动',
  '开展',
  '落实',
  '完成',
  '举办',
  '调研',
  '检查',
  '督导',
  '表彰',
  '签约',
  '建成',
  '试点',
  '整治',
];
export const OBJECTS = [
  '现场会',
  '动员大会',
  '专项行动',
  '垃圾分类',
  '五水共治',
  '美丽河湖建设',
  '数字化改革',
  '基层治理',
  '营商环境优化',
  '疫情防控',
  '乡村振兴',
  '共同富裕示范区建设',
  '文明城市创建',
  '未来社区',
  '清廉村居',
  '安全生产大检查',
  '防汛防台',
  '最多跑一次改革',
  '大禹鼎',
  '5G基站建设',
  '老旧小区改造',
];
const TAILS = [
  '取得阶段性成效',
  '得到群众广泛好评',
  '为全区高质量发展注入新动能',
  '形成了可复制可推广的经验',
  '切实增强了群众的获得感',
  '全力以赴抓好各项工作',
  '进一步压实工作责任',
  '确保各项任务按期完成',
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

export function sentence(random: () => number): string {
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const number = Math.floor(random() * 900) + 10;
  const forms = [
    () =>
      `${month}月${day}日，${pick(random, PLACES)}${pick(random, SUBJECTS)}${pick(random, VERBS)}${pick(random, OBJECTS)}，${pick(random, TAILS)}。`,
    () =>
      `今年以来，${pick(random, PLACES)}累计${pick(random, VERBS)}${pick(random, OBJECTS)}项目${number}个，${pick(random, TAILS)}。`,
    () =>
      `“我们将继续${pick(random, VERBS)}${pick(random, OBJECTS)}，${pick(random, TAILS)}。”${pick(random, SUBJECTS)}负责人说。`,
    () =>
      `据了解，${pick(random, SUBJECTS)}围绕${pick(random, OBJECTS)}和${pick(random, OBJECTS)}，在${pick(random, PLACES)}${pick(random, VERBS)}试点，覆盖群众${number * 10}余人。`,
  ];
  return pick(random, forms)();
}

export function paragraph(random: () => number): string {
  const count = 2 + Math.floor(random() * 4);
  return Array.from({ length: count }, () => sentence(random)).join('');
}

export function headline(random: () => number): string {
  return `${pick(random, PLACES)}${pick(random, SUBJECTS)}${pick(random, VERBS)}${pick(random, OBJECTS)}`;
}

/** Paragraphs totalling roughly `chars` characters. */
export function articleParagraphs(random: () => number, chars: number): string[] {
  const paragraphs: string[] = [];
  let length = 0;
  while (length < chars) {
    const next = paragraph(random);
    paragraphs.push(next);
    length += next.length;
  }
  return paragraphs;
}
