/**
 * Reading personal names around a position: after a title (readName, readForeignName), in a byline
 * (readNameStrict), before a post-name title (nameBefore). Shared by the title, post-name title,
 * byline and speaker stages.
 */
import * as charClassesModule from './charClasses';
import type { Ctx } from './context';
import * as contextModule from './context';
import * as placeNamesModule from './placeNames';
import * as functionWordsModule from '../lexicon/functionWords';
import { MEET_VERBS } from '../lexicon/words';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { isHan, isNameChar, codeSet } = charClassesModule;
const { free } = contextModule;
const { placeCovers } = placeNamesModule;
const { functionWordEnd } = functionWordsModule;
/** Verbs of meeting (座谈, 调研, 会见): news follows a name with them. */
const MEET_VERB_SET = new Set(MEET_VERBS.filter((w) => w.length === 2));

const FUNCTION_CHARS = new Set('在说等和与及同的了是也还就对向将已率一今昨明会指强表来到前出主参陪带考调视走看听发致签宣提要希回答则又都再首随特分共亲代任兼被把让给所以并而但从于为曾称'.split('').map((c) => c.charCodeAt(0)));
/** Punctuation that ends a clause (a name may end right before it). */
const CLAUSE_END = codeSet('，。、；：！？,;:!?）)」”');
/** Last characters that do end a clause before punctuation (张三等，他们了): never a name's. */
/** After a name ending in 和: words that start no second name (prepositions, adverbs, 说/表示/指出). */
const AFTER_NAME_HE = codeSet('在说表指强对向于将已也还就都又再则并而是为称');
const NOT_NAME_LAST = new Set('等们了的吗呢吧啊着过说'.split('').map((c) => c.charCodeAt(0)));
export const NOT_NAME_SECOND = new Set('的了是在和与及等们个这那也都就又还说'.split('').map((c) => c.charCodeAt(0)));

/** A name may end before q: end of text, a non-name character, claimed text, or a word that follows names (说, 等, 一行). */
export function boundaryAfter(ctx: Ctx, q: number): boolean {
  const { s, n } = ctx;
  if (q >= n) return true;
  const c = s.charCodeAt(q);
  // (a digit too: a date or a count follows a name, 李克强24日, 記者曾筠庭台北10日電's 10)
  if (!isHan(c)) return !isNameChar(c) || c === 0x20 || (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
  if (ctx.taken[q]) return true;
  // …and a date written in Chinese numerals (記者廖雅猛二十六日電)
  if (HAN_DIGIT[c] === 1 && HAN_DATE.test(s.slice(q, q + 6))) return true;
  return ctx.lx.afterName.longest(s, q) !== undefined;
}
const HAN_DIGIT = codeSet('〇一二三四五六七八九十');
/** Two Chinese numerals or more and a date's unit: 二十六日, 十一月 (not 一行, 三日游's 三 alone). */
const HAN_DATE = /^[〇一二三四五六七八九十]{2,4}[日月年]/;

/** Length of the surname at p (2 for a compound surname), 0 when none starts there. */
export function surnameLen(ctx: Ctx, p: number): number {
  const { s } = ctx;
  if (ctx.lx.compoundSurnames.has(s.substr(p, 2))) return 2;
  if (ctx.lx.surnames.has(s.charCodeAt(p))) return 1;
  return 0;
}

const BYLINE_RUN_END = codeSet('）)】] \u3000\n\t/|');
/** Verbs that end a byline rather than continue a name (王小明说, 李华称). */
const BYLINE_NOT_NAME = codeSet('说称指表认讲谈问答道');
/**
 * Bylines run names and posts together (记者李蕾张羽飞, 记者杨莉通讯员王媛, 记者孟梅实习生夏冬梅): true when
 * a post, or a surname starting a two/three-character name that ends at punctuation, begins at q.
 */
export function nextNameAt(ctx: Ctx, q: number): boolean {
  const { s, n, lx } = ctx;
  if (s.startsWith('实习生', q) || s.startsWith('通讯员', q)) return true;
  if (!lx.surnames.has(s.charCodeAt(q))) return false;
  for (const L of [2, 3]) {
    const e = q + L;
    if (e > n || (e < n && isHan(s.charCodeAt(e)))) continue;
    let ok = true;
    for (let k = q + 1; k < e; k++) {
      const c = s.charCodeAt(k);
      if (!isHan(c) || ctx.taken[k] || NOT_NAME_SECOND.has(c) || BYLINE_NOT_NAME[c] === 1) ok = false;
    }
    // (what follows a name is no given name: 王宜林一行 at a line's end is 王宜林 + 一行)
    if (ok && lx.afterName.longestEnd(s, q + 1) === e) ok = false;
    // a byline's run of names ends at a bracket, a space or the line's end (记者李蕾张羽飞）); before
    // a comma or a colon the "name" is a verb (温金荣致辞, / 迟浩田题词：)
    if (ok && e < n && BYLINE_RUN_END[s.charCodeAt(e)] === 1) return true;
  }
  return false;
}

/** Reads a Chinese personal name at p (after a title or a label); returns its end or undefined. */
export function readName(ctx: Ctx, p: number): number | undefined {
  const { s, n } = ctx;
  const sl = surnameLen(ctx, p);
  if (!sl) return undefined;
  const maxL = sl === 2 ? 4 : 3;
  const minL = sl === 2 ? 3 : 2;
  let validMax = 0;
  for (let L = 1; L <= maxL && p + L <= n; L++) {
    const c = s.charCodeAt(p + L - 1);
    if (!isHan(c) || ctx.taken[p + L - 1]) break;
    validMax = L;
  }
  if (validMax < minL) {
    // a foreign or transliterated name with a middle dot is handled by the caller
    return undefined;
  }
  if (NOT_NAME_SECOND.has(s.charCodeAt(p + sl))) {
    // 和 is also a given name's first character (陈和春率团, 王和平说): three characters that end where a
    // name ends, the third neither a surname (王和李四) nor a function character
    const third = s.charCodeAt(p + 2);
    // (…or a verb of two characters: 徐和建发布)
    if (!(sl === 1 && validMax >= 3 && s.charCodeAt(p + 1) === 0x548c && !ctx.lx.surnames.has(third) && !FUNCTION_CHARS.has(third) && (boundaryAfter(ctx, p + 3) || functionWordEnd(s, p + 3, Math.min(ctx.n, p + 5)) === p + 5))) return undefined;
    return p + 3;
  }
  // the sentence goes on with a word that merely starts with a surname: 主任关注…, 代理省长尚未确定
  if (sl === 1 && ctx.lx.nameStops.has(s.substr(p, 2))) return undefined;
  // …or a preposition or conjunction a surname's character opens, a verb or a pronoun after it
  // (负责人向出席者举杯, 委员和其他职务): no given name is a verb of speaking or a function word
  if (sl === 1 && FUNCTION_SURNAMES.has(s.charCodeAt(p)) && (ctx.lx.afterName.longestEnd(s, p + 1) >= p + 3 || functionWordEnd(s, p + 1, p + 3) === p + 3)) return undefined;
  // a married woman's name in Hong Kong carries both surnames: 林郑月娥, 范徐丽泰
  if (sl === 1 && validMax >= 3 && p + 4 <= n && isHan(s.charCodeAt(p + 3)) && !ctx.taken[p + 3] && ctx.lx.surnames.has(s.charCodeAt(p + 1)) && boundaryAfter(ctx, p + 4) && !boundaryAfter(ctx, p + 3) && !boundaryAfter(ctx, p + 2) && !placeInName(ctx, p, p + 4)) return p + 4;
  const long = Math.min(maxL, validMax);
  const short = minL;
  // 代表全中国人民: a country or province running to the end of the reading is no given name; nor is
  // the start of one (主席南斯拉夫联盟共和国总统)
  if (placeInName(ctx, p, p + long)) return long !== short && !placeInName(ctx, p, p + short) ? p + short : undefined;
  if (ctx.lx.places.first[s.charCodeAt(p)] !== 0) {
    const hit = ctx.lx.places.longest(s, p);
    if (hit && hit[0] >= p + long && NAME_PLACE_LEVELS.has(hit[1].level)) return undefined;
  }
  if (long === short) return p + short;
  if (sl === 1 && long === 3 && nextNameAt(ctx, p + 2)) return p + 2;
  // a post's first character glued to a two-character name (李强副市长, 王五常务副省长): it starts the post
  if (sl === 1 && long === 3 && postStartsAt(ctx, p + 2)) return p + 2;
  // …or an academic or professional title written after the name (孫東教授, 李明博士, 林健锋议员): its
  // second character ends no name and starts no word
  if (sl === 1 && long === 3 && TITLE_AFTER_NAME.has(s.substr(p + 2, 2))) return p + 2;
  // …or a verb's (张三座谈, 李四出席): a two-character verb (or a verb of meeting) starting at the third
  // character ends the name
  if (sl === 1 && long === 3 && (MEET_VERB_SET.has(s.substr(p + 2, 2)) || (functionWordEnd(s, p + 2, p + 4) === p + 4 && boundaryAfter(ctx, p + 2)))) return p + 2;
  // …or a two-character verb with its aspect particle after it (张环传达了: 传达 + 了)
  if (sl === 1 && long === 3 && functionWordEnd(s, p + 2, p + 4) === p + 4 && ASPECT_AFTER.has(s[p + 4])) return p + 2;
  // …while a post right after three characters ends a three-character name (王祥明总经理王崔军: the
  // next holder's post, as a list of a firm's people runs)
  // (not across a conjunction: 市长李海和副市长王红 is two holders)
  if (sl === 1 && long === 3 && !'和与及同'.includes(s[p + 2]) && postStartsAt(ctx, p + 3)) return p + 3;
  const bLong = boundaryAfter(ctx, p + long);
  const bShort = boundaryAfter(ctx, p + short);
  const lastLong = s.charCodeAt(p + long - 1);
  // a conjunction or verb cannot end a clause right before punctuation, nor before 一行 (the party a
  // guest leads): there it ends the name (邱光和，, 陈江和一行)
  const clauseEnds = (p + long < n && CLAUSE_END[s.charCodeAt(p + long)] === 1) || s.startsWith('一行', p + long);
  if (bLong && clauseEnds && !NOT_NAME_LAST.has(lastLong)) return p + long;
  // 和 can only join this name to another one: before a preposition, an adverb or a verb of saying
  // that no name starts (张志和在会上讲话, 李红和表示), it ends the name
  if (bLong && lastLong === 0x548c && AFTER_NAME_HE[s.charCodeAt(p + long)] === 1 && !ctx.lx.surnames.has(s.charCodeAt(p + long))) return p + long;
  if (bLong && !(bShort && FUNCTION_CHARS.has(lastLong))) return p + long;
  if (bShort) return p + short;
  return FUNCTION_CHARS.has(lastLong) ? p + short : p + long;
}

/** Aspect particles that follow a verb, never a name: 了, 着, 过. */
const ASPECT_AFTER = new Set(['了', '着', '过']);

const NAME_PLACE_LEVELS = new Set(['country', 'province', 'foreign-city', 'region']);
/** A country/province/foreign place starts inside [a, e) and reaches e or beyond (应美国, 全中国). */
function placeInName(ctx: Ctx, a: number, e: number): boolean {
  const { s, lx } = ctx;
  for (let k = a + 1; k < e; k++) {
    if (lx.places.first[s.charCodeAt(k)] === 0) continue;
    const hit = lx.places.longest(s, k);
    if (hit && hit[0] >= e && NAME_PLACE_LEVELS.has(hit[1].level)) return true;
  }
  return false;
}

/** Characters of transliterated foreign names. */
const TRANSLIT = new Set(
  '阿埃艾爱安昂奥巴拜班邦鲍贝本比彼毕波伯博布查达戴丹德迪蒂丁东杜多厄恩法菲费芬佛弗福盖甘冈戈格根古瓜哈海汉豪赫亨胡华霍基吉加贾杰金卡凯坎康考柯科克肯库拉莱赖兰朗劳勒雷里理利莉丽林琳卢鲁路伦罗洛马玛迈麦曼梅门蒙米敏莫姆穆纳娜奈内尼涅诺欧帕潘佩彭皮普奇齐乔切琼萨塞桑瑟森沙珊舍什施史斯松苏索塔泰坦汤特提托图瓦万威韦维温沃乌伍西希谢辛休雅亚扬耶伊因英尤约扎泽詹顿夫逊尔茨兹默娃汀妮莎芙薇缇蕾登山大欣卜·'.split(''),
);
/** A transliterated foreign name (马斯克, 卡特, 约翰·史密斯) right after a title. */
export function readForeignName(ctx: Ctx, p: number): number | undefined {
  let q = p;
  while (q < ctx.n && q - p < 10 && TRANSLIT.has(ctx.s[q]) && !ctx.taken[q]) q++;
  if (q - p < 2 || ctx.s[p] === '·' || ctx.s[q - 1] === '·') return undefined;
  return boundaryAfter(ctx, q) ? q : undefined;
}

/** Like readName but only accepts a name followed by a boundary (bylines). */
/** Surnames that are also prepositions or conjunctions (向, 和, 于, 同, 及, 与, 对, 将). */
const FUNCTION_SURNAMES = new Set('向和于同及与对将把从'.split('').map((c) => c.charCodeAt(0)));

/** Titles written right after a name: the name ends before them (孫東教授). */
export const TITLE_AFTER_NAME = new Set(['教授', '博士', '院士', '议员', '律师']);

/** Characters that begin a post and end no name: 副, 常 (常务), 代 (代理), 总 (总经理). */
const POST_FIRST = new Set(['副', '常', '代', '总']);

/** A title core ends right at `pos` (…部长|李小鹏). */
export function titleEndsAt(ctx: Ctx, pos: number): boolean {
  for (let a = Math.max(0, pos - 5); a < pos; a++) {
    const t = ctx.lx.titleCores.longest(ctx.s, a);
    if (t && t[0] === pos) return true;
  }
  return false;
}

/** A title core starts at q, or a modifier and a core after it (副市长, 常务副省长), led by POST_FIRST. */
function postStartsAt(ctx: Ctx, q: number): boolean {
  const { s, lx } = ctx;
  if (!POST_FIRST.has(s[q])) return false;
  if (lx.titleCores.longest(s, q)) return true;
  const m = lx.titleModifiers.longest(s, q);
  return !!m && !!lx.titleCores.longest(s, m[0]);
}

export function readNameStrict(ctx: Ctx, p: number): number | undefined {
  const e = readName(ctx, p);
  if (e === undefined) {
    // bylines may carry non-surname names: take 2–4 Han characters up to a separator
    let q = p;
    while (q < ctx.n && q - p < 4 && isHan(ctx.s.charCodeAt(q))) q++;
    if (q - p >= 2 && (q >= ctx.n || !isHan(ctx.s.charCodeAt(q)))) return q;
    return undefined;
  }
  return e;
}

/** Leader titles after which a surname alone names the person (江主席, 李总理). */
export const LEADER_TITLES = new Set(['主席', '副主席', '总理', '副总理', '总书记', '委员长', '副委员长', '总统', '副总统', '首相']);
const NAME_LEFT_RE = /(会见|接见|会晤|陪同|看望|慰问|欢迎|宴请|祝贺|感谢|邀请|随同|问候|拜会|拜访|致电|称赞|赞扬|支持|同意|落实|贯彻|学习|牢记|领会|践行|遵循|聆听|传达|按照|根据|遵照|响应|转达|选举|任命|委任|聘任|聘请|委派|推举|决定|提名|推选|接受|免去|向|与|和|同|及|对|给|请|由|受|在|是|了|的|以|当)$/;
/** Last characters of a party cell's or a body's name written before its post (总支, 支部, 党委, 小组). */
const BODY_LAST = new Set(['支', '委', '部', '组']);

/**
 * A verb or preposition before `a` that names may follow (会见, 向, 同) — a one-character one only when
 * no function word starts at it and runs over `a` (同时一并辞去: 同 is no preposition there, 时 no
 * surname; 落实习近平 is 落实 + 习近平 all the same).
 */
function leftOfName(s: string, a: number): boolean {
  const m = NAME_LEFT_RE.exec(s.slice(Math.max(0, a - 2), a));
  if (m) return m[1].length >= 2 || functionWordEnd(s, a - 1, a + 2) <= a;
  // …or any verb of two characters that ends right there (视察, 听取), none running over a
  return a >= 2 && functionWordEnd(s, a - 2, a) === a && functionWordEnd(s, a - 2, a + 2) === a;
}
/** Surnames that are far more often ordinary words before a title (共和国总统, 该党主席, 副总理). */
const LONE_SURNAME_NOT = new Set('国党和文明时海方高全平成金关安常云都相来门商师副总代前原新老大小会长于'.split(''));
/** Verbs before a lone surname and a leader title: 热烈欢迎江主席, 迎接江主席, 聆听江主席演讲, 当江主席走上讲台. */
const LONE_LEFT_RE = /(欢迎|欢送|迎接|聆听|会见|会晤|陪同|看望|感谢|祝贺|邀请|随同|当)$/;
/** Characters before a lone surname that leave it free (陪同江主席, 与李总理). */
const SURNAME_LEFT = codeSet('同与和及向对在是了的由请随给为以');

/** A name that ends at `end` (before a post-name title), preceded by a boundary. */
export function nameBefore(ctx: Ctx, end: number, title?: string): number | undefined {
  const { s } = ctx;
  // (no name ends in 的, 了, 们…: 李明的市长 is 李明's mayor)
  const lastOk = end > 0 && !NOT_NAME_LAST.has(s.charCodeAt(end - 1));
  for (const L of [3, 2, 4]) {
    if (!lastOk) break;
    const a = end - L;
    if (a < 0 || !free(ctx, a, end)) continue;
    let ok = true;
    for (let k = a; k < end; k++) if (!isHan(s.charCodeAt(k))) ok = false;
    if (!ok) continue;
    const sl = surnameLen(ctx, a);
    if (!sl || (L === 4 && sl !== 2)) continue;
    // a body's name is no name before its post (党总支书记, 党支部书记: 党 is also a surname)
    if (BODY_LAST.has(s[end - 1]) && L >= 3) continue;
    // nor a post (执行董事及独立非执行董事: 董事 + 及, 董 is also a surname)
    if (ctx.lx.titleCores.first[s.charCodeAt(a)] !== 0 && (ctx.lx.titleCores.longestEnd(s, a, end) ?? -1) >= a + 2) continue;
    if (L === 3 && '和与及同跟在对向给由是'.includes(s[a])) continue;
    if (placeInName(ctx, a, end)) continue; // 应美国总统: 美国 is no given name
    const lead = ctx.lx.places.first[s.charCodeAt(a)] !== 0 ? ctx.lx.places.longest(s, a) : undefined;
    if (lead && lead[0] >= end) continue; // 卢森堡首相: a country, not 卢 + 森堡
    const before = a === 0 || !isHan(s.charCodeAt(a - 1)) || ctx.taken[a - 1] || leftOfName(s, a);
    if (before) return a;
  }
  // a transliterated name before a post: 我同克林顿总统, ，赖尔登市长 (not 巴基斯坦总统: a place)
  if (title) {
    let a = end;
    while (a > 0 && end - a < 8 && TRANSLIT.has(s[a - 1]) && !ctx.taken[a - 1]) a--;
    if (s[a] === '·') a++;
    const place = end - a >= 3 ? ctx.lx.places.longest(s, a) : undefined;
    if (end - a >= 3 && !placeCovers(ctx, end - 1) && !placeCovers(ctx, a) && !(place && place[0] >= end)) {
      const p = a > 0 ? s.charCodeAt(a - 1) : 0;
      if (a === 0 || !isHan(p) || ctx.taken[a - 1] || SURNAME_LEFT[p] === 1 || NAME_LEFT_RE.test(s.slice(Math.max(0, a - 2), a))) return a;
    }
  }
  // a surname alone before a leader title: 江主席, 李总理 (not 和田市长: the place runs on)
  if (title && LEADER_TITLES.has(title) && end >= 1 && !ctx.taken[end - 1] && ctx.lx.surnames.has(s.charCodeAt(end - 1)) && !LONE_SURNAME_NOT.has(s[end - 1])) {
    const a = end - 1;
    const p = a > 0 ? s.charCodeAt(a - 1) : 0;
    if (a === 0 || !isHan(p) || ctx.taken[a - 1] || SURNAME_LEFT[p] === 1 || LONE_LEFT_RE.test(s.slice(Math.max(0, a - 2), a))) return a;
  }
  return undefined;
}
