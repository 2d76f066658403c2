// Traditional → simplified for the characters news copy meets most (pasted from Hong Kong, Macao or
// Taiwan sources, or typed by a person on a traditional input method). One character to one: the
// proofing check folds text character by character and must keep every position (lib/proofing/fold.ts).
// Pairs follow 《通用规范汉字表》(2013)'s 繁体字 column; characters with more than one simplified form
// by meaning (乾, 於, 藉, 覆 …) are left out rather than guessed.
const PAIRS =
  '與与東东絲丝兩两嚴严喪丧個个豐丰臨临為为麗丽舉举麼么義义烏乌樂乐喬乔習习鄉乡書书買买亂乱爭争於于' +
  '虧亏雲云亞亚產产畝亩親亲褻亵億亿僅仅從从侖仑倉仓儀仪們们價价眾众優优夥伙會会傘伞偉伟傳传傷伤倫伦' +
  '偽伪體体佔占來来側侧僑侨儂侬俠侠係系倆俩儉俭債债傾倾兒儿黨党蘭兰關关興兴養养獸兽內内岡冈冊册寫写' +
  '軍军農农馮冯衝冲決决況况凍冻淨净減减湊凑凜凛幾几鳳凤憑凭凱凯擊击鑿凿芻刍劃划劉刘則则剛刚創创刪删' +
  '別别剝剥劇剧勸劝辦办務务勁劲動动勵励勞劳勢势勳勋匯汇區区醫医華华協协單单賣卖盧卢衛卫卻却廠厂廳厅' +
  '歷历厲厉壓压厭厌縣县參参雙双發发變变敘叙疊叠葉叶號号嘆叹嗎吗啟启吳吴員员聽听嗆呛嗚呜響响問问啞哑' +
  '喚唤嘯啸噴喷國国圍围園园圓圆圖图團团聖圣場场壞坏塊块堅坚壇坛墳坟墜坠壘垒執执報报墊垫壽寿夠够頭头' +
  '夾夹奪夺奮奋獎奖婦妇媽妈嬌娇孫孙學学實实寧宁審审憲宪寶宝將将專专尋寻導导對对層层屬属歲岁島岛嶺岭' +
  '峽峡幣币帥帅師师帳帐帶带幫帮廣广莊庄慶庆廢废開开異异張张彈弹強强歸归當当錄录徑径後后從从復复徵征' +
  '憶忆懷怀態态戀恋惡恶悶闷惱恼悅悦愛爱慣惯懶懒戰战戲戏戶户撲扑執执擴扩擁拥擔担擋挡據据擠挤掃扫揚扬' +
  '換换揮挥損损搖摇擺摆攜携攝摄數数斷断無无舊旧時时曉晓暫暂曆历書书術术東东條条極极構构槍枪標标樓楼' +
  '樣样機机檢检權权歡欢殘残殺杀毀毁氣气漢汉湯汤溝沟滅灭滿满濟济漁渔潔洁濃浓濕湿灣湾災灾點点煙烟熱热' +
  '燈灯營营燒烧爺爷牆墙狀状獨独獲获現现環环瑪玛電电畫画畢毕療疗癥症皺皱盡尽監监盤盘睜睁確确礎础禮礼' +
  '禍祸稅税種种稱称穩稳窮穷競竞筆笔節节範范築筑簡简籃篮糧粮紀纪約约紅红級级紙纸紛纷細细終终組组結结' +
  '統统絕绝給给經经綜综綠绿維维網网緊紧線线練练編编緣缘縮缩總总績绩織织繩绳續续罰罚羅罗習习聯联聲声' +
  '職职聞闻肅肃腦脑腳脚膽胆臉脸臺台與与艦舰藝艺節节萬万葉叶蘇苏藥药蟲虫術术衛卫補补裝装製制複复見见' +
  '規规視视覺觉覽览觀观訂订計计討讨訓训記记訪访設设許许證证評评詞词試试話话該该認认誤误說说請请課课' +
  '誰谁調调論论諸诸謝谢講讲識识議议護护讀读變变讓让貝贝負负財财貨货責责貴贵費费貿贸資资賓宾賞赏賣卖' +
  '質质購购賽赛贊赞趕赶趙赵跡迹踐践車车軟软較较輕轻輛辆輸输轉转辭辞農农這这進进連连運运過过達达遠远' +
  '適适選选遺遗還还邊边郵邮鄉乡鄰邻醫医釋释針针鈔钞銀银銷销鋼钢錢钱錯错鍵键鐵铁長长門门閃闪閉闭問问' +
  '間间閱阅關关陽阳陰阴陳陈陸陆隊队階阶際际險险隨随隱隐難难雜杂雞鸡離离雙双電电霧雾靜静韓韩頁页頂顶' +
  '項项順顺預预領领頭头題题額额顏颜願愿類类顧顾顯显風风飛飞飯饭飲饮館馆馬马驗验驚惊髮发鬥斗魚鱼鳥鸟' +
  '鹽盐麥麦黃黄齊齐齒齿龍龙龜龟屆届彙汇滬沪粵粤臺台灣湾滄沧溫温';

const TABLE: ReadonlyMap<string, string> = (() => {
  const table = new Map<string, string>();
  for (let i = 0; i + 1 < PAIRS.length; i += 2) table.set(PAIRS[i]!, PAIRS[i + 1]!);
  return table;
})();

/** The simplified form of one traditional character, or the character itself. */
export function simplifiedChar(char: string): string {
  return TABLE.get(char) ?? char;
}

export function toSimplified(text: string): string {
  let out = '';
  for (const char of text) out += simplifiedChar(char);
  return out;
}
