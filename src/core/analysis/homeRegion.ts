/**
 * The article's home region: where it was filed or who published it, read from its dateline
 * (新华社南京11月20日电 → 南京; 本报广州电 → 广州), else from a source line or a relay line naming an
 * outlet that carries a region's name (来源：湖北日报 → 湖北; 据长江日报报道 …). Pure functions over
 * the normalised text (normalizeForMatching: same offsets as the original); the grouping step uses
 * the home region for what the article itself does not place, and the sections step reads datelines
 * with `datelineAt` to tell a digest of datelined items.
 */
import type { HomeRegion } from '../types';
import { lexicons, lookupPlace, type PlaceInfo } from '../lexicon';
import { TAIWAN_PLACES_DATA } from '../lexicon/taiwanPlaces.data';
import { shortFormPlace } from '../lexicon/regionNames';

export interface Dateline {
  /** Offsets of the dateline (新华社南京11月20日电) in the text. */
  start: number;
  end: number;
  /** The outlet as written (新华社, 本报), if any. */
  outlet?: string;
  /** The place the item was filed from. */
  place: PlaceInfo;
}

const isHan = (c: number) => c >= 0x3400 && c <= 0x9fff;
// a news outlet's name ends so: 新华社, 中新社, 人民日报, 中新网, 央视, 电视台
const OUTLET_END = /[社报网台视刊]$/;
const DATE = /^(?:\d{1,2}月)?\d{1,2}日/;
// how a dateline ends: 新华社北京2月12日电, 本报北京讯, 中新社上海1月15日电, 中国台湾网8月19日海口消息
const FILED = /^(?:[电讯]|消息)/;

function placeAt(normalized: string, pos: number, limit: number): [number, PlaceInfo] | undefined {
  let hit = lexicons().places.longest(normalized, pos, limit);
  // a short form the lexicon keeps with its suffix (海口 for 海口市, 海淀 for 海淀区)
  for (let len = Math.min(4, limit - pos); !hit && len >= 2; len--) {
    const p = shortFormPlace(normalized.slice(pos, pos + len));
    if (p) hit = [pos + len, p];
  }
  if (!hit) return undefined;
  const p = hit[1];
  // 中国 is no home region (中国台湾网, 中国日报); landmarks and economic regions are none either
  if (p.level === 'landmark' || p.level === 'region' || p.name === '中国') return undefined;
  return hit;
}

/**
 * A dateline starting at `pos` (an outlet of at most 8 characters, a place, an optional date, 电 or
 * 讯), or undefined. Reads at most ~30 code units.
 */
export function datelineAt(normalized: string, pos: number): Dateline | undefined {
  // (a dateline in brackets: (本报福州8月10日电), 〔记者蔡彰盛/竹市报导〕)
  const open = '(（〔[【'.includes(normalized[pos] ?? '_') ? 1 : 0;
  const from = pos + open;
  const limit = Math.min(normalized.length, from + 32);
  // no outlet: a place, a date and 电 or 讯 (福州8月10日电), as agencies' items in a digest open
  // a reporter's own line, no outlet (记者唐咏絮/彰化报导, 记者张三福州10日电)
  if (normalized.startsWith('记者', from)) {
    const filedBy = reporterDateline(normalized, from + 2, limit);
    if (filedBy) return { start: pos, end: filedBy[0], place: filedBy[1] };
  }
  const bare = placeAt(normalized, from, limit);
  if (bare && !open) {
    const d = DATE.exec(normalized.slice(bare[0], bare[0] + 8));
    const filed = d ? FILED.exec(normalized.slice(bare[0] + d[0].length, bare[0] + d[0].length + 2)) : null;
    if (d && filed) return { start: pos, end: bare[0] + d[0].length + filed[0].length, place: bare[1] };
  }
  // the outlet: the shortest run of Han characters ending in 社/报/网/台/视/刊 and followed by a place
  for (let k = from + 1; k <= from + 8 && k < limit; k++) {
    const c = normalized.charCodeAt(k - 1);
    if (!isHan(c)) break;
    const outlet = normalized.slice(from, k);
    if (!OUTLET_END.test(outlet)) continue;
    let q = k;
    if (normalized.startsWith('记者', q)) {
      // 新华社记者: a byline, not a dateline — unless the reporter's name and a place follow
      // (本报记者张三福州10日电; Hong Kong's 本报记者 张三 福州报道)
      const filedBy = reporterDateline(normalized, q + 2, limit);
      if (filedBy) return { start: pos, end: filedBy[0], outlet, place: filedBy[1] };
      continue;
    }
    // the date may stand before the place too: 中国台湾网8月19日海口消息
    const d1 = DATE.exec(normalized.slice(q, q + 8));
    if (d1) q += d1[0].length;
    let hit = placeAt(normalized, q, limit);
    if (!hit) continue;
    // a province and a city in it (新华社四川广元5月15日电): the city
    const inner = placeAt(normalized, hit[0], limit);
    if (inner && inner[1].parents.includes(hit[1].name)) hit = inner;
    q = hit[0];
    const d = d1 ? null : DATE.exec(normalized.slice(q, q + 8));
    if (d) q += d[0].length;
    // 本报广州电 has no date; an outlet with neither date nor 本报 is too weak (人民网北京 …)
    if (!d && !d1 && !/^本[报刊]$/.test(outlet)) continue;
    const filed = FILED.exec(normalized.slice(q, q + 2));
    if (!filed) continue;
    return { start: pos, end: q + filed[0].length, outlet, place: hit[1] };
  }
  return undefined;
}

/**
 * After 记者: a name of two to four characters, a place, then a date and 电, or 报道 (张三福州10日电,
 * ` 张三 福州报道`, Taiwan's `唐咏絮/彰化报导`). The end of the dateline and the place.
 */
function reporterDateline(normalized: string, q: number, limit: number): [number, PlaceInfo] | undefined {
  while (normalized[q] === ' ' || normalized[q] === '\u3000') q++;
  // reporters' names, then a slash and the place (记者丁伟杰、林宜樟/嘉义报导): the place after the slash
  const slash = SLASHED.exec(normalized.slice(q, q + 20));
  if (slash) {
    const p = q + slash[0].length;
    const hit = placeAt(normalized, p, limit) ?? taiwanPressPlace(normalized, p);
    if (hit && (normalized.startsWith('报导', hit[0]) || normalized.startsWith('报道', hit[0]))) return [hit[0] + 2, hit[1]];
  }
  for (let len = 2; len <= 4; len++) {
    let p = q + len;
    if (!/^[\u4e00-\u9fff]+$/.test(normalized.slice(q, p))) break;
    while (normalized[p] === ' ' || normalized[p] === '\u3000') p++;
    // (Taiwan's papers put a slash between the reporter and the place: 记者唐咏絮/彰化报导)
    if (normalized[p] === '/' || normalized[p] === '／') p++;
    const hit = placeAt(normalized, p, limit);
    if (!hit) continue;
    let e = hit[0];
    const d = DATE.exec(normalized.slice(e, e + 8));
    if (d) e += d[0].length;
    if (d && FILED.test(normalized.slice(e, e + 2))) return [e + 1, hit[1]];
    if (normalized.startsWith('报道', e) || normalized.startsWith('报导', e)) return [e + 2, hit[1]];
  }
  return undefined;
}

let pressShort: Map<string, PlaceInfo> | undefined;
/**
 * Taiwan's papers name their cities and counties in datelines by one character and 市 or 县 (竹市 新竹市,
 * 竹县 新竹县, 北市 台北市, 高市 高雄市, 投县 南投县): the stem's second character after 台, 新 or for 南投,
 * else its first (新北 keeps its name). Derived from the Taiwan place list; read only after a
 * reporter's slash, where nothing else stands.
 */
function taiwanPressPlace(normalized: string, p: number): [number, PlaceInfo] | undefined {
  if (!pressShort) {
    pressShort = new Map();
    for (const line of TAIWAN_PLACES_DATA.split('\n')) {
      const [name, , , full] = line.split('|');
      const stem = full.slice(0, -1);
      if (stem.length !== 2 || full === '新北市') continue;
      const ch = /^[台新]/.test(stem) || stem === '南投' ? stem[1] : stem[0];
      const info = lookupPlace(name);
      if (info) pressShort.set(ch + full.slice(-1), info);
    }
  }
  const info = pressShort.get(normalized.slice(p, p + 2));
  return info ? [p + 2, info] : undefined;
}

/** One or more reporters' names (two to four characters each, joined by 、 or a space) and a slash. */
const SLASHED = /^[\u4e00-\u9fff]{2,4}(?:[、 \u3000][\u4e00-\u9fff]{2,4})*[ \u3000]*[/／]/;

/** The first dateline that opens a paragraph among the first `maxLines` non-empty lines. */
function firstDateline(normalized: string, maxLines = 6): Dateline | undefined {
  let ls = 0;
  for (let seen = 0; ls < normalized.length && seen < maxLines; ) {
    let le = normalized.indexOf('\n', ls);
    if (le < 0) le = normalized.length;
    let i = ls;
    while (i < le && /[\s#>*\u3000]/.test(normalized[i])) i++;
    if (i < le) {
      seen++;
      // the dateline opens the paragraph, or follows a byline in brackets: (记者 …) 新华社南京…电
      const d = datelineAt(normalized, i);
      if (d) return d;
    }
    ls = le + 1;
  }
  return undefined;
}

// 来源：湖北日报 / 来源: 长江网 / 据长江日报报道 / 据湖北日报消息 / 转自广州日报 / 稿源：… / an e-paper's
// record: 【报纸名称】:张家口日报
const SOURCE = /(?:来源|稿源|出处|转自|本文来源|报纸名称|报刊名称|刊名)[ \t]*[】\]]?[ \t]*[:：]?[ \t]*|据(?=[\u4e00-\u9fff]{2,12}(?:报道|消息|讯))/g;

/**
 * The region an outlet's name carries (湖北日报 → 湖北, 漳州新闻网 → 漳州, 天津北方网 → 天津), read
 * from the list of outlets at `pos`; undefined when the outlets name several regions (来源：广州日报、
 * 北京发布 …) or none.
 */
function outletRegion(normalized: string, pos: number): { region: PlaceInfo; end: number } | undefined {
  let le = normalized.indexOf('\n', pos);
  if (le < 0) le = normalized.length;
  le = Math.min(le, pos + 60);
  let found: PlaceInfo | undefined;
  let end = pos;
  let q = pos;
  while (q < le) {
    const hit = placeAt(normalized, q, le);
    if (!hit) return found ? { region: found, end } : undefined;
    // the outlet's name goes on after the place (日报, 新闻网, 发布): a region named alone is no outlet
    let r = hit[0];
    while (r < le && isHan(normalized.charCodeAt(r))) r++;
    const name = normalized.slice(q, r);
    if (r === hit[0] || !/(报|网|台|社|发布|新闻|频道|客户端|视)/.test(name.slice(hit[0] - q))) return found ? { region: found, end } : undefined;
    if (found && found.name !== hit[1].name) return undefined;
    found = hit[1];
    end = r;
    // another outlet after 、 or ，
    if (!/[、，,/]/.test(normalized[r] ?? '')) break;
    q = r + 1;
  }
  return found ? { region: found, end } : undefined;
}

/** A page's date line: a date, maybe a time, then space before what follows (2018-05-11 08:37  渭南日报). */
const DATE_LINE_HEAD = /^(?:(?:发布时间|发布日期|时间|日期)[ \t]*[:：][ \t]*)?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:[ \t\u3000]+\d{1,2}:\d{2}(?::\d{2})?)?[ \t\u3000]+/;

/** How an outlet's name ends (渭南日报, 东营网, 北京发布, 海南新闻频道). */
const OUTLET_NAME_END = /(?:报|网|台|社|发布|新闻|频道|客户端|卫视|电视)$/;
/** The outlet a page's date line names after the date (2018-05-11 08:37  渭南日报 → 渭南), among the first lines. */
function datedOutlet(normalized: string, maxLines = 6): HomeRegion | undefined {
  let ls = 0;
  for (let seen = 0; ls < normalized.length && seen < maxLines; ) {
    let le = normalized.indexOf('\n', ls);
    if (le < 0) le = normalized.length;
    const line = normalized.slice(ls, Math.min(le, ls + 80));
    if (line.trim()) {
      seen++;
      const m = DATE_LINE_HEAD.exec(line.trimStart());
      if (m) {
        const at = ls + (line.length - line.trimStart().length) + m[0].length;
        const o = outletRegion(normalized, at);
        // (the outlet ends the line: a sentence after a date is no date line)
        if (o && OUTLET_NAME_END.test(normalized.slice(at, o.end)) && !/[\u4e00-\u9fff]/.test(normalized.slice(o.end, le).replace(/[ \t\u3000]*(?:来源|作者|编辑|记者)[\s\S]*$/, ''))) {
          return { region: o.region.name, from: 'source', evidence: normalized.slice(ls, o.end), start: ls, end: o.end };
        }
      }
    }
    ls = le + 1;
  }
  return undefined;
}

/**
 * The article's home region: its first dateline among the first lines, else the single region its
 * source or relay lines name through their outlets, else undefined. Never throws.
 */
export function homeRegion(normalized: string): HomeRegion | undefined {
  try {
    if (typeof normalized !== 'string' || !normalized) return undefined;
    const d = firstDateline(normalized);
    if (d) return { region: d.place.name, from: 'dateline', evidence: normalized.slice(d.start, d.end), start: d.start, end: d.end };
    const dated = datedOutlet(normalized);
    if (dated) return dated;
    SOURCE.lastIndex = 0;
    let m: RegExpExecArray | null;
    let home: HomeRegion | undefined;
    let guard = 0;
    while ((m = SOURCE.exec(normalized)) && guard++ < 50) {
      if (m[0].length === 0) SOURCE.lastIndex++;
      const o = outletRegion(normalized, m.index + m[0].length);
      if (!o) continue;
      if (home && home.region !== o.region.name) return undefined;
      home ??= { region: o.region.name, from: 'source', evidence: normalized.slice(m.index, o.end), start: m.index, end: o.end };
    }
    return home;
  } catch {
    return undefined;
  }
}
