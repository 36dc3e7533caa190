/**
 * Step 1 of analyze(): the article's own sections by region. A section opens at a line whose
 * structure makes it a lead, and whose label is a region (a province, city, district or county, by
 * its name, full name or derived short form: 北京, 广西壮族自治区, 海淀区, 海淀):
 *
 *   ## 北京 / # 北京：…                 a Markdown heading that is a region, or a colon lead in one
 *   **北京：** / **北京**：…            a bold lead
 *   【北京】 / 【湖北要闻】 / [北京] / 〔北京〕  a bracketed lead (要闻/新闻/动态 … after the region)
 *   北京：… / 浙江省: … / 北 京: …      a colon lead (the label is the whole text before the colon;
 *                                     a list may pad a short name to align it)
 *   臺北市:…。新北市:…。臺中市:…       colon leads run together in one paragraph, each after a
 *                                     sentence end: each opens a section that ends with the paragraph
 *   北京  (alone on its line)           a line that is only a region's name
 *   西岸:九江市永修县                    a side's part (东西南北 + 岸/侧/线/翼/片) whose line is only its region
 *   一、河北 / （一）河北 / 1. 河北 / 1、河北 / ①河北   numbered (the rest is a region, or a colon lead)
 *   ● 台北市：… / - 台北市：…           bulleted
 *   ● 黔江区 ● / —— 海淀区 ——           a region's name alone on its line, framed by one mark on both sides
 *   新华社南京11月20日电 …              a dateline opening a paragraph, only where the article is a
 *                                     digest of datelined items (two or more)
 *   郫都区区委书记辜学斌：              a line that is a region's official and a colon, nothing after it:
 *                                     an item of a round-up, only where there are two or more
 *   市南区委书记:甲市南区区长:乙        a line that is only one region's leaders, post and name each (two
 *                                     or more): a roster by region, only where two or more lines are
 *   大鹏新区 / 深汕特别合作区 (alone)    a line that is only a zone's name (新区, 开发区, 合作区 …: no
 *                                     division of GB/T 2260), only where lines that are only a
 *                                     region's name open sections too
 *
 * A region named inside a sentence never opens one: every form above is anchored at the start of
 * a line and asks the whole label to be a region. Sections nest where the article nests them: a
 * deeper marker (### under ##, （一） under 一、, a lead under a heading) opens a section inside the
 * open one, and a marker of the same kind whose region lies within the open section's (苏州 after
 * 江苏) too. What comes before the first section is the lead. One pass over the lines, a bounded
 * amount of work per line: linear in the text's length.
 */
import type { Region, RegionLevel, SectionMarker } from '../types';
import { lexicons, lookupPlace, type PlaceInfo } from '../lexicon';
import { lookupRegion, shortFormCandidates } from '../lexicon/regionNames';
import { normalizeForMatching } from '../normalize';
import { datelineAt } from './homeRegion';

interface Candidate {
  start: number;
  end: number;
  place: PlaceInfo;
  marker: SectionMarker;
  /** Structural depth: a smaller rank encloses a larger one (headings 1–6, numbering 11–15, leads 20). */
  rank: number;
  /** Where the section ends at the latest: the end of the paragraph, for leads run together in one. */
  until?: number;
  /** The line is only the region's name (and its marker). */
  wholeLine?: boolean;
}

/** Items that open sections only where an article has two or more of a kind (a digest, a round-up). */
interface DigestItems {
  datelines: Candidate[];
  officials: Candidate[];
  /** Lines that are only a zone's name: sections where region lines open sections too. */
  zones: Candidate[];
  /** Numbered or heading lines that name an official and a region's post (一、合肥市委书记虞爱华). */
  officialHeads: Candidate[];
  /** Plain lines naming a region's official, and whether the next paragraph takes the name up. */
  lineHeads: (Candidate & { takenUp: boolean })[];
  /** Lines that are only a region's leaders, post and name each (市南区委书记:甲市南区代区长:乙). */
  rosters: Candidate[];
  /** Lines that open with a region's name, a space and a short headline (湖北 16人死亡失踪). */
  subheads: Candidate[];
  /** The same without the space (南京向成都捐款500万元): only where three or more open the parts. */
  tightSubheads: Candidate[];
  /** Lines that are only a short form several divisions share (宝山): sections where their siblings say which. */
  ambiguous: { c: Omit<Candidate, 'place'>; places: readonly PlaceInfo[] }[];
}

/**
 * A zone's name as a line: two to eight characters and a zone's suffix (大鹏新区, 深汕特别合作区,
 * 苏州工业园区, 经开区 with its city). Not a GB/T 2260 division, so not in the place lexicon.
 */
const ZONE_LINE = /^[\u4e00-\u9fff]{2,8}(?:新区|特别合作区|合作区|开发区|高新区|经开区|工业园区|自贸区|保税区|示范区|试验区)$/;

const LEAD_RANK = 20;
/** Longest label read as a region (广西壮族自治区 + 要闻 fits). */
const MAX_LABEL = 16;
/** Longest line that may be "only a region's name" (with its numbering and punctuation). */
const MAX_LINE = 28;

const HEADING = /^(#{1,6})[ \t]+/;
/** Bullets and the bars and arrows news sites set before a section's name (▌北京, ▲甘肃, ➤ 江苏). */
const BULLET = /^(?:[●○◆◇■□▪▸▶►•·◎★☆※◉✦▲△▼▽◀◁▷♦◈❖➤➢➣⊙▌▍▎▏]|[-*+](?=[ \t]))[ \t]*/;
/**
 * A line framed by one mark on both sides (● 黔江区 ●, ★北京★, —— 海淀区 ——, 〓 河北 〓): the label
 * between them, read as a whole line. The same bullet, or the same run of dashes or tildes.
 */
const FRAMED = /^([●○◆◇■□▪•·◎★☆※◉✦▲△▼▽♦◈❖⊙〓]|[—─━═～~]{1,4})[ \t\u3000]*([^\s●○◆◇■□▪•·◎★☆※◉✦▲△▼▽♦◈❖⊙〓—─━═～~]{2,16})[ \t\u3000]*\1$/;
const NUMBERING: [RegExp, number][] = [
  [/^第?[一二三四五六七八九十]{1,3}[、.．][ \t]*/, 11],
  [/^[（(][一二三四五六七八九十]{1,3}[）)][ \t]*/, 12],
  [/^\d{1,2}(?:[、．]|\.(?!\d)|[)）])[ \t]*/, 13],
  [/^[（(]\d{1,2}[）)][ \t]*/, 14],
  [/^[①-⑳⑴-⒇⒈-⒛][ \t]*/, 15],
];
const BOLD = /^(\*\*|__)[ \t]*([^*_\n]{1,16}?)[ \t]*\1[ \t]*([:：])?/;
/** The same in HTML, as articles converted from web pages keep it (<strong>北京</strong>). */
const HTML_BOLD = /^<(b|strong)>[ \t]*([^<\n]{1,16}?)[ \t]*<\/\1>[ \t]*([:：])?/i;
const BRACKETS: Record<string, string> = { '【': '】', '[': ']', '〔': '〕', '〖': '〗', '「': '」', '『': '』', '［': '］', '〈': '〉' };
const COLON = /^([^\s:：，,。、；;（）()【】[\]*#「」《》!！?？]{2,16}?)[ \t]*(?:[(（][^()（）\n]{1,10}[)）][ \t]*)?[:：]/;
/** A short name padded for alignment in a list (北 京: / 上  海:). */
const PADDED_COLON = /^([\u4e00-\u9fff](?:[ \t\u3000]{1,3}[\u4e00-\u9fff]){1,2})[ \t]*[:：]/;
/** A colon lead inside a paragraph: after a sentence end, a division's name and a colon. */
const INLINE_COLON = /[。；;！!？?][ \t\u3000]*([^\s:：，,。、；;（）()【】[\]*#「」《》!！?？]{2,8}?)[:：]/g;
/**
 * A part named by the side it covers, a colon, and nothing but a region on the line (西岸:九江市永修县,
 * 北线：某县): a side of a lake, a river, a front (东西南北 with 岸, 侧, 线, 翼, 片; 左岸, 右岸).
 */
const SIDE_LEAD = /^(?:[东西南北][岸侧线翼片]|[左右][岸翼])[ \t]*[:：][ \t]*([\u4e00-\u9fff]{2,16})$/;
/** What a column's name adds to a region (【湖北要闻】, 河北新闻, 海淀动态). */
/** The least text between two subheads: a part's paragraph, not a table's next row. */
const MIN_PART = 40;
/**
 * The region a headline line opens with (浙江高校师生积极捐款 → 浙江; 河北张北踊跃… → 张北县, the
 * division written right after its province), where the line is a short headline: four or more
 * letters after the name and no sentence's punctuation.
 */
function leadingRegion(n: string, i: number, end: number): { place: PlaceInfo; end: number } | undefined {
  if (end - i > MAX_LINE || SENTENCE_MARKS.test(n.slice(i, end))) return undefined;
  const hit = lexicons().places.longest(n, i, end);
  if (!hit) return undefined;
  let place = hit[1];
  let e = hit[0];
  if (place.level !== 'province' && place.level !== 'city' && place.level !== 'district') return undefined;
  const inner = lexicons().places.longest(n, e, end) ?? (lookupRegion(n.slice(e, e + 2)) ? ([e + 2, lookupRegion(n.slice(e, e + 2))!] as const) : undefined);
  if (inner && within(inner[1], place) && inner[1] !== place) {
    place = inner[1];
    e = inner[0];
  }
  // (新竹县市: the county and the city of one name together, read as their shared name)
  if (n[e] === '市' && n[e - 1] === '县') {
    const pair = countyAndCity(n.slice(i, e + 1));
    if (pair) {
      place = pair;
      e++;
    }
  }
  const rest = n.slice(e, end).match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  return rest >= 4 ? { place, end: e } : undefined;
}

/**
 * A county and a city of one name written together (新竹县市, 嘉义县市: the two divisions, as
 * Taiwan's papers name a part that covers both): the region of the name they share (新竹), where
 * both are divisions.
 */
function countyAndCity(label: string): PlaceInfo | undefined {
  const m = /^([\u4e00-\u9fff]{2,4})县市$/.exec(label);
  if (!m) return undefined;
  const county = lookupRegion(m[1] + '县');
  const city = lookupRegion(m[1] + '市');
  if (!county || !city || county === city) return undefined;
  const shared = lookupRegion(m[1]);
  return shared && (shared === county || shared === city) ? shared : undefined;
}
const SENTENCE_MARKS = /[。，,；;：:！!？?、]/;

/** A note in brackets ending a region's line or label: a count (3个), a date. */
const NOTE_AFTER = /[ \t]*[(（][^()（）\n]{1,10}[)）]$/;
/**
 * A subhead: a region's name (two to eight characters), a space, then a short headline with no
 * sentence's punctuation (湖北 16人死亡失踪, 江西 88万人受灾).
 */
const SUBHEAD = /^([\u4e00-\u9fff]{2,8})[ \t\u3000]+(?=\S)([^。，,；;：:！!？?、]{2,24})$/;
const COLUMN_SUFFIX = /(要闻|新闻|动态|快讯|简讯|消息|速递|资讯|播报|传真|篇|频道|分站)$/;
/** A dateline used as a label (【新华社南京电】, 本报杭州讯): its region. */
const DATELINE_LABEL = /^(?:新华社|中新社|本报|人民网|中新网|央视网|央广网)?([\u4e00-\u9fff]{2,8}?)(?:\d{1,2}月\d{1,2}日)?(?:电|讯)$/;
const TRAILING = /[\s:：。.*_#]+$/;

function regionLevel(p: PlaceInfo): RegionLevel {
  if (p.level === 'province') return 'province';
  if (p.level === 'city') return 'city';
  if (p.level === 'district') return 'district';
  return 'other';
}

/**
 * The region a label names, if it is one. `bare` labels (a line alone, a numbered line) are only
 * Chinese divisions; a heading, a bold or bracketed lead or a colon lead may also name a country or
 * a foreign city (【美国】, 日本：).
 */
function regionOf(label: string, bare: boolean): PlaceInfo | undefined {
  let t = label.replace(TRAILING, '').trim();
  if (t.length < 2 || t.length > MAX_LABEL) return undefined;
  // a region and one of its divisions joined by a dot (江苏·苏州, 湖南•长沙): the division, where it
  // lies in the region
  const dot = /^([^·•・]{2,8})[ \t]*[·•・][ \t]*([^·•・]{2,8})$/.exec(t);
  if (dot) {
    const outer = regionOf(dot[1], bare);
    const inner = regionOf(dot[2], bare);
    return outer && inner && within(inner, outer) ? inner : undefined;
  }
  let p = countyAndCity(t) ?? lookupRegion(t);
  if (!p && COLUMN_SUFFIX.test(t)) {
    t = t.replace(COLUMN_SUFFIX, '');
    if (t.length >= 2) p = lookupRegion(t);
  }
  if (!p) return undefined;
  if (p.level === 'province' || p.level === 'city' || p.level === 'district') return p;
  if (!bare && (p.level === 'country' || p.level === 'foreign-city') && p.name !== '中国') return p;
  return undefined;
}

/**
 * A division written with the divisions it lies in, the whole label (九江市永修县 → 永修县, 江西省九江市
 * → 九江), or a division alone: the innermost, each lying in the one before.
 */
function nestedRegion(label: string): PlaceInfo | undefined {
  const whole = regionOf(label, true);
  if (whole) return whole;
  const lx = lexicons();
  let place: PlaceInfo | undefined;
  for (let k = 0; k < label.length; ) {
    const hit = lx.places.longest(label, k, label.length);
    const p = hit ? regionOf(label.slice(k, hit[0]), true) : undefined;
    if (!hit || !p || (place && !within(p, place))) return undefined;
    place = p;
    k = hit[0];
  }
  return place;
}

/** The section marker on the line [ls, le) of the normalised text, if it is one. */
function markerOn(n: string, ls: number, le: number, items: DigestItems): Candidate | undefined {
  let i = ls;
  while (i < le && (n[i] === ' ' || n[i] === '\t' || n[i] === '\u00a0' || n[i] === '>')) i++;
  let end = le;
  while (end > i && /\s/.test(n[end - 1])) end--;
  if (i >= end || n[i] === '!') return undefined;
  const head = (from: number) => n.slice(from, Math.min(end, from + 48));
  const start = i;
  let rank = LEAD_RANK;
  let marker: SectionMarker | undefined;
  // ● 黔江区 ● / —— 黔江区 ——: a region's name framed by the same mark on both sides, alone on its line
  const framed = end - start <= MAX_LINE ? FRAMED.exec(n.slice(i, end)) : null;
  if (framed) {
    const place = regionOf(framed[2], true);
    if (place) return { start, end, place, marker: 'bullet', rank: LEAD_RANK, wholeLine: true };
  }
  let m = HEADING.exec(head(i));
  if (m) {
    rank = m[1].length;
    marker = 'heading';
    i += m[0].length;
  } else if ((m = BULLET.exec(head(i)))) {
    marker = 'bullet';
    i += m[0].length;
  }
  for (const [re, r] of NUMBERING) {
    m = re.exec(head(i));
    if (!m) continue;
    if (!marker) {
      marker = 'numbered';
      rank = r;
    }
    i += m[0].length;
    break;
  }
  if (i >= end) return undefined;
  const rest = head(i);
  const bare = marker === undefined || marker === 'numbered' || marker === 'bullet';

  // **北京：** / **北京**： / **一、北京** / <strong>北京</strong>
  if ((m = BOLD.exec(rest) ?? HTML_BOLD.exec(rest))) {
    let label = m[2];
    let numbered = false;
    for (const [re] of NUMBERING) {
      const k = re.exec(label);
      if (k) {
        label = label.slice(k[0].length);
        numbered = true;
        break;
      }
    }
    const place = regionOf(label, numbered);
    if (place) return { start, end: i + m[0].length, place, marker: marker ?? 'bold', rank };
  }
  // 【北京】 / 【湖北要闻】 / [北京] (not a Markdown link: [北京](…))
  const close = BRACKETS[rest[0]];
  if (close) {
    const j = rest.indexOf(close, 1);
    if (j > 1 && j <= MAX_LABEL + 1 && !(rest[0] === '[' && rest[j + 1] === '(')) {
      const label = rest.slice(1, j);
      const place = regionOf(label, false);
      let k = j + 1;
      if (rest[k] === ':' || rest[k] === '：') k++;
      if (place) return { start, end: i + k, place, marker: marker ?? 'bracket', rank };
      // 【新华社南京电】: a dateline as a label, a section only in a digest (decided by the caller)
      const d = DATELINE_LABEL.exec(label);
      const dp = d ? regionOf(d[1], true) : undefined;
      if (dp) {
        items.datelines.push({ start, end: i + k, place: dp, marker: 'dateline', rank: LEAD_RANK });
        return undefined;
      }
    }
  }
  // 西岸：九江市永修县 — a side's part whose text after the colon is only its region (the division
  // written with the ones it lies in)
  if (marker === undefined && (m = SIDE_LEAD.exec(n.slice(i, end)))) {
    const place = nestedRegion(m[1]);
    if (place) return { start, end, place, marker: 'colon', rank, wholeLine: true };
  }
  // 北京：… / 浙江省: … / 北 京: …
  if ((m = COLON.exec(rest) ?? PADDED_COLON.exec(rest))) {
    const place = regionOf(m[1].replace(/[ \t\u3000]+/g, ''), false);
    if (place) return { start, end: i + m[0].length, place, marker: marker ?? 'colon', rank };
  }
  // a line that is only a region's name: 河北 / 海淀区 / 一、河北 / ## 北京
  if (end - start <= MAX_LINE) {
    // (a count or a note in brackets after the name: 河北省(3个), · 石家庄市（1个）)
    const label = n.slice(i, end).replace(NOTE_AFTER, '');
    const place = regionOf(label, bare);
    if (place) return { start, end, place, marker: marker ?? 'line', rank, wholeLine: true };
    // …or a zone's (大鹏新区), or a short form several divisions share (宝山): decided by the caller
    const zone = label.replace(TRAILING, '').trim();
    const places = bare ? shortFormCandidates(zone) : [];
    if (places.length) {
      items.ambiguous.push({ c: { start, end, marker: marker ?? 'line', rank, wholeLine: true }, places });
      return undefined;
    }
    if (ZONE_LINE.test(zone)) {
      items.zones.push({ start, end, place: { name: zone, level: 'region', parents: [], full: zone }, marker: marker ?? 'line', rank });
      return undefined;
    }
  }
  // 湖北 16人死亡失踪: a region's name, a space and a short headline, no sentence (decided by the caller)
  if (marker === undefined && end - start <= MAX_LINE) {
    const sub = SUBHEAD.exec(n.slice(i, end));
    const place = sub ? regionOf(sub[1], true) : undefined;
    // (a headline's words, not a table's row of figures: 湖北 67803 例)
    if (place && (sub![2].match(/[\u4e00-\u9fff]/g)?.length ?? 0) >= 3) items.subheads.push({ start, end: i + sub![1].length, place, marker: 'line', rank });
    // …or written without the space (浙江高校师生积极捐款, 河北张北踊跃向四川地震灾区捐款): a headline
    // led by a region's name, no sentence in it (decided by the caller: three or more)
    else if (!sub) {
      const lead = leadingRegion(n, i, end);
      if (lead) items.tightSubheads.push({ start, end: lead.end, place: lead.place, marker: 'line', rank });
    }
  }
  // 一、省委常委、合肥市委书记虞爱华 / ## 张三当选禅城区区长: an item about a region's official (decided by the caller)
  if (marker === 'numbered' || marker === 'heading') {
    const h = officialHeading(n, i, end);
    if (h) items.officialHeads.push({ start, end, place: h.place, marker, rank });
  } else if (marker === undefined) {
    // …or a plain line (湖北省委书记王蒙徽, 杭州市长:徐立毅): a profile's header when the next
    // paragraph takes the name up, not a photo's caption (decided by the caller)
    const h = officialHeading(n, i, end);
    // (张三当选某市委书记: the report of the election names the one elected in its first sentence)
    if (h) items.lineHeads.push({ start, end, place: h.place, marker: 'line', rank, takenUp: h.elected ? electedTakenUp(n, end, h.elected) : nameTakenUp(n, end, h.name) });
  }
  // 新华社南京11月20日电 opening a paragraph: a section only in a digest (decided by the caller)
  const d = datelineOn(n, i, end);
  if (d) items.datelines.push({ start, end: d.end, place: d.place, marker: 'dateline', rank: LEAD_RANK });
  // 郫都区区委书记辜学斌： an item of a round-up of officials (decided by the caller)
  const o = officialLead(n, i, end);
  if (o) items.officials.push(o);
  // 市南区委书记:甲市南区代区长:乙 — a line of one region's leaders (decided by the caller)
  if (marker === undefined) {
    const r = rosterLine(n, i, end);
    // (the item is its line: what follows the roster is about them all)
    if (r) items.rosters.push({ start, end, place: r, marker: 'colon', rank: LEAD_RANK, wholeLine: true, until: le });
  }
  return undefined;
}

/**
 * A short name read as a city that is also a district's or a county's, among sibling sections of that
 * district's city (海淀： and 朝阳： — 朝阳 the city in 辽宁, 朝阳区 in 北京): the district. Siblings
 * are sections of the same marker and rank.
 */
function siblingDistricts(found: Candidate[]): void {
  for (const c of found) {
    if (c.place.level !== 'city' || c.place.name.length < 2) continue;
    const siblings = found.filter((f) => f !== c && f.marker === c.marker && f.rank === c.rank);
    const parents = new Set(siblings.flatMap((f) => (f.place.level === 'district' ? f.place.parents : [])));
    if (!parents.size || c.place.parents.some((q) => parents.has(q))) continue;
    for (const suffix of ['区', '县']) {
      const alt = lookupPlace(c.place.name + suffix);
      const parent = alt?.level === 'district' ? alt.parents.find((q) => parents.has(q)) : undefined;
      if (alt && parent) {
        c.place = { ...alt, parents: [parent] };
        break;
      }
    }
  }
}

/** The next non-empty line after `end` names `name` within its first NAME_TAKEN_UP characters. */
function nameTakenUp(n: string, end: number, name: string): boolean {
  if (name.length < 2) return false;
  let p = end;
  while (p < n.length && /\s/.test(n[p])) p++;
  const e = n.indexOf('\n', p);
  return n.slice(p, Math.min(e < 0 ? n.length : e, p + NAME_TAKEN_UP)).includes(name);
}
const NAME_TAKEN_UP = 30;

/** The next non-empty line's first sentence (to 。, at most ELECTED_TAKEN_UP characters) names `name`. */
function electedTakenUp(n: string, end: number, name: string): boolean {
  let p = end;
  while (p < n.length && /\s/.test(n[p])) p++;
  const stops = ['\n', '。'].map((c) => n.indexOf(c, p)).filter((x) => x >= 0);
  return n.slice(p, Math.min(p + ELECTED_TAKEN_UP, ...stops)).includes(name);
}
const ELECTED_TAKEN_UP = 80;

/** A line head `h` whose name follows its post after a space, and which the next paragraph names. */
function headerTakenUp(n: string, h: Candidate): boolean {
  const line = n.slice(h.start, h.end);
  const name = /[ \t\u3000]([\u4e00-\u9fff]{2,4})$/.exec(line)?.[1];
  if (!name || officialHeading(n, h.start, h.end)?.name !== name) return false;
  let p = h.end;
  while (p < n.length && /\s/.test(n[p])) p++;
  const e = n.indexOf('\n', p);
  return n.slice(p, e < 0 ? n.length : e).includes(name);
}

/** Longest heading read as naming an official (一、省委常委、合肥市委书记虞爱华). */
const MAX_OFFICIAL_HEADING = 30;
/** Between a region and its post: the level and the body (市委, 区政府, 县人大常委会). */
const REGION_TO_POST = /^(?:省|市|区|县|自治区|自治州|州)?(?:委|党委|政府|人大常委会|人大|政协|纪委)?(?:常委、)?$/;

/**
 * A numbered or heading line that names a region's official and nothing else (一、省委常委、合肥市委书记
 * 虞爱华; 张三当选禅城区区长): the region of the last post written with one. The line ends with the
 * name after the post, or with the post itself after 当选 or 任; no sentence runs on after it.
 */
function officialHeading(n: string, i: number, end: number): { place: PlaceInfo; name: string; elected?: string } | undefined {
  if (end - i > MAX_OFFICIAL_HEADING || end - i < 5 || /[。，,；;！？!?]/.test(n.slice(i, end)) || /[：:].*[：:]/.test(n.slice(i, end))) return undefined;
  const lx = lexicons();
  let region: PlaceInfo | undefined;
  let chosen: PlaceInfo | undefined;
  let regionEnd = -1;
  let postEnd = -1;
  for (let k = i; k < end; k++) {
    const pl = lx.places.first[n.charCodeAt(k)] !== 0 ? lx.places.longest(n, k, end) : undefined;
    if (pl && pl[0] - k >= 2 && (pl[1].level === 'province' || pl[1].level === 'city' || pl[1].level === 'district')) {
      region = pl[1];
      regionEnd = pl[0];
      // the level character that ends the name may start the post (杭州市 + 市长 written 杭州市长)
      if (/[省市区县州]/.test(n[regionEnd - 1]) && regionEnd - 1 - k >= 2 && lx.titleCores.longest(n, regionEnd - 1, end)) regionEnd--;
      k = regionEnd - 1;
      continue;
    }
    if (lx.titleCores.first[n.charCodeAt(k)] === 0) continue;
    const core = lx.titleCores.longest(n, k, end);
    if (!core) continue;
    // the post belongs to the region named right before it (合肥 + 市委 + 书记)
    if (region && regionEnd <= k && REGION_TO_POST.test(n.slice(regionEnd, k))) {
      postEnd = core[0];
      chosen = region;
    }
    k = core[0] - 1;
  }
  if (!chosen || postEnd < 0) return undefined;
  // (a space or a colon may set the name apart: 济南市委书记 刘强, 杭州市长:徐立毅; no other colon)
  const rest = n.slice(postEnd, end).replace(/^[ \t\u3000]*[:：]?[ \t\u3000]*/, '');
  if (/[:：]/.test(n.slice(i, postEnd))) return undefined;
  // a name after the post, or nothing after a post one was elected or appointed to
  if (/^[\u4e00-\u9fff]{2,4}$/.test(rest)) return { place: chosen, name: rest };
  // (the one elected or appointed is named before the verb: 张三当选中共某市委书记)
  if (rest === '' && /(当选|任)/.test(n.slice(i, postEnd))) return { place: chosen, name: '', elected: /^([\u4e00-\u9fff]{2,4}?)(?:当选|任)/.exec(n.slice(i, postEnd))?.[1] };
  return undefined;
}

/** Longest line read as an official's item header (region, post, name, colon). */
const MAX_OFFICIAL_LEAD = 24;

/**
 * A line that is a region's name, a post and a name, ending in a colon (郫都区区委书记辜学斌：,
 * 彭州市委书记王锋君:): the header of that region's item in a round-up. A speaker's label has words
 * after its colon on the same line; this has none.
 */
function officialLead(n: string, i: number, end: number): Candidate | undefined {
  const last = n.charCodeAt(end - 1);
  if ((last !== 0xff1a && last !== 0x3a) || end - i > MAX_OFFICIAL_LEAD) return undefined;
  const lx = lexicons();
  const hit = lx.places.longest(n, i, end - 1);
  if (!hit) return undefined;
  const place = regionOf(n.slice(i, hit[0]), true);
  if (!place) return undefined;
  // a post after the region (区委书记, 市长), and two to four characters of a name before the colon
  for (let k = hit[0] - 1; k < end - 3; k++) {
    if (lx.titleCores.first[n.charCodeAt(k)] === 0) continue;
    const core = lx.titleCores.longest(n, k, end - 1);
    if (!core) continue;
    const name = end - 1 - core[0];
    if (name >= 2 && name <= 4 && /^[\u4e00-\u9fff]+$/.test(n.slice(core[0], end - 1))) return { start: i, end, place, marker: 'colon', rank: LEAD_RANK };
  }
  return undefined;
}

/** Longest headline read before a bracketed dateline on its item's first line. */
const MAX_DATELINE_HEADLINE = 30;

/**
 * A dateline opening the line at `i` (新华社南京11月20日电, 记者甲/台中报导; a division slash,
 * 记者甲∕台中报导, is a plain one in the normalised text), or a reporter's bracketed dateline after the
 * item's short headline on the same line (某某问题 共同解决 〔记者乙/竹县报导〕…: a digest whose
 * headlines lost their line breaks). The headline is no sentence: no sentence's punctuation before
 * the bracket.
 */
function datelineOn(n: string, i: number, end: number): { end: number; place: PlaceInfo } | undefined {
  const d = datelineAt(n, i);
  if (d) return d;
  const head = n.slice(i, Math.min(end, i + MAX_DATELINE_HEADLINE + 40));
  const b = /[〔(（[【]记者/.exec(head.slice(0, MAX_DATELINE_HEADLINE + 3));
  if (!b || b.index < 4 || /[。，,；;！!？?：:、“”"]/.test(head.slice(0, b.index))) return undefined;
  const inner = datelineAt(head, b.index);
  return inner ? { end: i + inner.end, place: inner.place } : undefined;
}

/** Longest line read as a roster of one region's leaders. */
const MAX_ROSTER = 48;
/** Between a region and its post in a roster's label (委, 市, 政府, 人大常委会, then 常务副 / 代). */
const ROSTER_LINK = /^(?:省|市|区|县|州)?(?:委|党委|政府|人大常委会|人大|政协|纪委)?(?:常务)?(?:副|代)?/;

/**
 * A roster's label: a region's name, its body and a post, nothing else (市南区委书记, 平度市市长,
 * 胶州市代市长, 杭州市长). The region, where [a, b) is one.
 */
function rosterLabel(n: string, a: number, b: number): PlaceInfo | undefined {
  const lx = lexicons();
  const hit = lx.places.longest(n, a, b);
  if (!hit || hit[0] - a < 2) return undefined;
  const place = regionOf(n.slice(a, hit[0]), true);
  if (!place) return undefined;
  // (the level character that ends the name may start the post: 杭州市 + 市长 written 杭州市长)
  for (const e of /[省市区县州]/.test(n[hit[0] - 1]) ? [hit[0], hit[0] - 1] : [hit[0]]) {
    const link = ROSTER_LINK.exec(n.slice(e, b))![0].length;
    const core = lx.titleCores.longest(n, e + link, b);
    if (core && core[0] === b) return place;
    // (a modifier the lexicon writes with its core: 代市长)
    const bare = link ? lx.titleCores.longest(n, e + link - 1, b) : undefined;
    if (bare && bare[0] === b) return place;
  }
  return undefined;
}

/**
 * A line that is a roster of one region's leaders: two or more entries of a post and a name, each
 * post written with the same region, nothing else on the line (市南区委书记:甲市南区代区长:乙,
 * 平度市委书记:丙 平度市市长:丁). The region. A speaker's label (北京市委书记蔡奇：我们要…) has a
 * sentence after its colon, not a name and the next post.
 */
function rosterLine(n: string, i: number, end: number): PlaceInfo | undefined {
  if (end - i > MAX_ROSTER || /[。，,；;！!？?]/.test(n.slice(i, end))) return undefined;
  const colons: number[] = [];
  for (let k = i; k < end; k++) if (n[k] === ':' || n[k] === '：') colons.push(k);
  if (colons.length < 2) return undefined;
  const gap = (k: number) => {
    while (k < end && (n[k] === ' ' || n[k] === '\t' || n[k] === '\u3000')) k++;
    return k;
  };
  const place = rosterLabel(n, i, colons[0]);
  if (!place) return undefined;
  for (let c = 0; c < colons.length; c++) {
    const from = gap(colons[c] + 1);
    const to = c + 1 < colons.length ? colons[c + 1] : end;
    if (c + 1 === colons.length) {
      // the last entry: a name and the end of the line
      if (!/^[\u4e00-\u9fff]{2,4}$/.test(n.slice(from, to).trim())) return undefined;
      break;
    }
    // a name of two to four characters, then the next label, of the same region
    let next: PlaceInfo | undefined;
    for (let len = 2; len <= 4 && !next; len++) {
      if (!/^[\u4e00-\u9fff]+$/.test(n.slice(from, from + len))) break;
      const p = rosterLabel(n, gap(from + len), to);
      if (p === place) next = p;
    }
    if (!next) return undefined;
  }
  return place;
}

/**
 * The article's region sections, in order. `normalized` is normalizeForMatching(text) when the caller
 * has it (analyze). Each section runs from its marker to the next marker; `parentId` names the
 * section it is nested in.
 */
export function findRegions(text: string, normalized?: string): Region[] {
  const n = normalized ?? normalizeForMatching(text);
  void lexicons(); // built once, before the loop
  let found: Candidate[] = [];
  const items: DigestItems = { datelines: [], officials: [], rosters: [], zones: [], ambiguous: [], officialHeads: [], lineHeads: [], subheads: [], tightSubheads: [] };
  for (let ls = 0; ls < n.length; ) {
    let le = n.indexOf('\n', ls);
    if (le < 0) le = n.length;
    const c = markerOn(n, ls, le, items);
    if (c) found.push(c);
    const inline = inlineLeads(n, ls, le);
    // leads run together: after a colon lead opening the line, or two or more in one paragraph
    if (inline.length >= 2 || (inline.length && c?.marker === 'colon')) {
      if (c?.marker === 'colon') c.until = le;
      for (const x of inline) found.push({ ...x, until: le });
    }
    ls = le + 1;
  }
  // a digest of datelined items: each dateline opens the item's section; so does each official's
  // header in a round-up of two or more (each kind counted apart)
  // (and a region's subhead line: two or more of them, the article's own way of opening its parts)
  // (each with its part's text after it: lines of a table follow each other)
  const spaced = (l: Candidate[]) => (l.every((h, k) => k === 0 || h.start - l[k - 1].end >= MIN_PART) ? l : []);
  const subheads = spaced(items.subheads);
  const digest = [items.datelines, items.officials, items.rosters, subheads].filter((l) => l.length >= 2).flat();

  // headings that name a region's official: two or more, or numbered items (一、…): each opens its region's
  // section, unless the same line already opened one
  const heads = items.officialHeads.filter((h) => !found.some((f) => f.start === h.start));
  if (heads.length >= 2 || heads.some((h) => h.marker === 'numbered')) digest.push(...heads);
  // plain lines of the kind (profiles of several regions' new leaders): two or more taken up by the
  // paragraph after them, and then their siblings of the same form
  const lineHeads = items.lineHeads.filter((h) => !found.some((f) => f.start === h.start));
  if (lineHeads.filter((h) => h.takenUp).length >= 2) digest.push(...lineHeads);
  // …or the one such line, where the name is set apart by a space (济南市委书记 刘强: a column's
  // header) and the paragraph after it names the person (a round-up cut after its first item)
  else if (lineHeads.length === 1 && !found.length && headerTakenUp(n, lineHeads[0])) digest.push(lineHeads[0]);
  // zones' lines open sections beside region lines of the same marker (光明区 / 大鹏新区 / 深汕特别合作区)
  for (const z of items.zones) if (found.some((f) => f.wholeLine && f.marker === z.marker && f.rank === z.rank)) digest.push(z);
  // a short form several divisions share, as a line beside region lines of the same marker: the
  // division in the place its siblings lie in (宝山 beside 金山 and 青浦: 上海's)
  for (const { c, places } of items.ambiguous) {
    const siblings = found.filter((f) => f.wholeLine && f.marker === c.marker && f.rank === c.rank);
    const parents = new Set(siblings.map((f) => f.place.parents[0]).filter((x) => x !== undefined));
    // (one name may be one entry with two parents: 宝山区 of 双鸭山 and of 上海)
    const fits = places.flatMap((p) => p.parents.filter((q) => parents.has(q)).map((q) => ({ ...p, parents: [q] })));
    if (fits.length === 1) digest.push({ ...c, place: fits[0] });
  }
  // (a region-led headline line is the weakest sign of a part: three or more, only in an article
  // that opens none another way)
  const tight = spaced(items.tightSubheads);
  if (tight.length >= 3 && !found.length && !digest.length) digest.push(...tight);
  if (digest.length) found = [...found, ...digest].sort((a, b) => a.start - b.start);
  siblingDistricts(found);
  // a headline line led by a region right before the first section, every section lying in it
  // (安徽多地，发布停课通知！ then 亳州市, 颍上县 …): the part they subdivide
  const outer = enclosingHeadline(n, found);
  if (outer) found.unshift(outer);

  const regions: Region[] = [];
  const used = new Map<string, number>();
  // open sections, outermost first
  const open: { c: Candidate; id: string }[] = [];
  for (let i = 0; i < found.length; i++) {
    const f = found[i];
    while (open.length) {
      const top = open[open.length - 1];
      if (top.c.rank < f.rank) break;
      if (top.c.rank === f.rank && top.c.place !== f.place && within(f.place, top.c.place)) break;
      open.pop();
    }
    // leads run together inside a heading's or a numbered item's section run on to the next marker
    // as before: the text after their paragraph has no section of its own to return to
    if (f.until !== undefined && open.length && open[open.length - 1].c.until === undefined) f.until = undefined;
    const k = (used.get(f.place.name) ?? 0) + 1;
    used.set(f.place.name, k);
    const id = k === 1 ? `region:${f.place.name}` : `region:${f.place.name}#${k}`;
    regions.push({
      id,
      name: f.place.name,
      level: regionLevel(f.place),
      parent: f.place.parents[0],
      ...(open.length ? { parentId: open[open.length - 1].id } : {}),
      marker: f.marker,
      headingStart: f.start,
      headingEnd: f.end,
      start: f.start,
      end: Math.min(i + 1 < found.length ? found[i + 1].start : text.length, f.until ?? text.length),
      entityIds: [],
    });
    open.push({ c: f, id });
  }
  return regions;
}

/**
 * The line right before the first of two or more sections, when it is a short headline led by a
 * region (a province, city or county: 安徽多地，发布停课通知！) that every section lies in: a section
 * of that region enclosing them, or undefined.
 */
function enclosingHeadline(n: string, found: Candidate[]): Candidate | undefined {
  if (found.length < 2) return undefined;
  let le = found[0].start;
  while (le > 0 && /\s/.test(n[le - 1])) le--;
  const ls = n.lastIndexOf('\n', le - 1) + 1;
  if (le - ls < 4 || le - ls > MAX_LINE) return undefined;
  const hit = lexicons().places.longest(n, ls, le);
  if (!hit || hit[0] - ls < 2 || hit[0] >= le) return undefined;
  const place = hit[1];
  if (place.level !== 'province' && place.level !== 'city' && place.level !== 'district') return undefined;
  // (a post after the region is an official's line, no headline of the part: 安徽省委书记…)
  if (lexicons().titleCores.longest(n, hit[0], le) || /^[省市区县]?(?:委|政府|人大|政协)/.test(n.slice(hit[0], le))) return undefined;
  if (!found.every((f) => f.place !== place && within(f.place, place))) return undefined;
  const rank = Math.min(...found.map((f) => f.rank)) - 1;
  return { start: ls, end: le, place, marker: 'line', rank };
}

/**
 * Colon leads inside the paragraph [ls, le): a division's name (a province, city, district or
 * county, never a country: 美国：… inside a paragraph quotes a statement) right after a sentence end.
 * Bounded: a paragraph's leads are read once, and only the short label before each colon.
 */
function inlineLeads(n: string, ls: number, le: number): Candidate[] {
  const out: Candidate[] = [];
  if (le - ls < 8) return out;
  const para = n.slice(ls, le);
  INLINE_COLON.lastIndex = 0;
  for (let m = INLINE_COLON.exec(para); m; m = INLINE_COLON.exec(para)) {
    const place = regionOf(m[1], true);
    if (!place) continue;
    const start = ls + m.index + m[0].length - m[1].length - 1;
    out.push({ start, end: ls + m.index + m[0].length, place, marker: 'colon', rank: LEAD_RANK });
  }
  return out;
}

/** True when `inner` lies in `outer` by the administrative hierarchy (苏州 in 江苏, 海淀区 in 北京). */
function within(inner: PlaceInfo, outer: PlaceInfo): boolean {
  let cur: PlaceInfo | undefined = inner;
  for (let g = 0; cur && g < 4; g++) {
    const parents: string[] = cur.parents;
    if (parents.includes(outer.name)) return true;
    cur = parents.length === 1 ? lookupRegion(parents[0]) : undefined;
  }
  return false;
}
