/**
 * Stage: bylines and sources. Names after a byline label and a colon (编辑：常萌, 记者：李明、王小红)
 * are people, with the label as their post (记者李明 without a colon is a title chain: titles.ts); the items after a source label (来源：新华社、人民日报) are
 * organizations, or companies the lexicon knows. Second in the pipeline: a name after a label is
 * certain, so it is claimed before the title and speaker stages read the same text.
 */
import { BYLINE_LABELS } from '../lexicon/words';
import { OUTLET_END } from './organizations';
import { BUREAU_COMPANY } from './orgForms';
import * as charClassesModule from './charClasses';
import type { Ctx } from './context';
import * as contextModule from './context';
import * as namesModule from './names';
import * as scanModule from './scan';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { codeSet, JS_SPACE } = charClassesModule;
const { add } = contextModule;
const { readNameStrict } = namesModule;
const { candidates } = scanModule;

const BYLINE_RE = new RegExp(`(?:^|[\\s（(【\\[|｜，,])(?:${BYLINE_LABELS.slice().sort((a, b) => b.length - a.length).join('|')})[：:]\\s*`, 'gm');
const SOURCE_RE = /(?:^|[\s（(【[])(?:来源|稿源|出处|转自|来自)[：:]\s*/gm;
/** A byline or source label with its colon (sticky: tested where a byline's next name would start). */
const LABEL_AHEAD = new RegExp(`(?:${[...BYLINE_LABELS, '来源', '稿源', '出处', '转自', '来自'].sort((a, b) => b.length - a.length).join('|')})[：:]`, 'y');
/** What fills a byline label when there is no name: anonymous, unknown, the outlet itself. */
const NOT_NAMES = new Set(['佚名', '匿名', '不详', '无名', '本报', '本站', '本网']);
/** Posts written after a byline label, before the name (作者：记者 郭峰). */
const BYLINE_POSTS = new Set(['记者', '本报记者', '特约记者', '通讯员', '实习生', '见习记者', '编辑']);
const BYLINE_STICKY = new RegExp(BYLINE_RE.source, 'my');
const SOURCE_STICKY = new RegExp(SOURCE_RE.source, 'my');
const BYLINE_LEFT = (() => {
  const t = JS_SPACE.slice();
  for (const ch of '（(【[|｜，,') t[ch.charCodeAt(0)] = 1;
  return t;
})();
const SOURCE_LEFT = (() => {
  const t = JS_SPACE.slice();
  for (const ch of '（(【[') t[ch.charCodeAt(0)] = 1;
  return t;
})();

/**
 * An agency's bracketed dateline that names its reporter (（中央社記者曾筠庭台北10日電）, 【本報記者廖雅猛
 * 北京二十六日電】): the outlet, the post 记者 and the name, which ends where the place of filing starts
 * (the place the lexicon knows, then the date and 电). The name is the reporter's, role other.
 */
function agencyReporterDatelines(ctx: Ctx): void {
  const { s, lx } = ctx;
  if (s.indexOf('记者') < 0) return;
  AGENCY_REPORTER.lastIndex = 0;
  for (let m = AGENCY_REPORTER.exec(s); m; m = AGENCY_REPORTER.exec(s)) {
    // (one bracket, then the outlet, the post, the name and place, the date)
    const outlet = m.index + 1;
    const post = outlet + m[1].length;
    const nameStart = post + m[2].length;
    const placeEnd = m.index + m[0].length - m[4].length;
    // the name: two to four characters, the rest up to the date a place the lexicon knows
    let nameEnd = -1;
    for (const L of [3, 2, 4]) {
      const e = nameStart + L;
      if (e >= placeEnd) continue;
      const place = lx.places.getIn(s, e, placeEnd);
      if (place !== undefined && lx.surnames.has(s.charCodeAt(nameStart))) {
        nameEnd = e;
        break;
      }
    }
    if (nameEnd < 0) continue;
    if (m[1]) add(ctx, { type: 'organization', start: outlet, end: post, priority: 85, source: 'rule' });
    const chain = { inText: m[2], start: post, end: nameStart, units: [{ start: post, end: nameStart, text: m[2], core: m[2], hasRegionalPrefix: false }], role: 'other' as const };
    add(ctx, { type: 'title', start: post, end: nameStart, priority: 95, source: 'rule', chain });
    add(ctx, { type: 'person', start: nameStart, end: nameEnd, priority: 100, source: 'rule', role: 'other', chain });
  }
}
/** （中央社記者X台北10日電）: an outlet ending in 社 or 报, 记者, a name and a place, a date, 电. */
const AGENCY_REPORTER = /[（(【[]((?:[\u4e00-\u9fff]{1,5}[社报])?)((?:特约|驻[\u4e00-\u9fff]{1,3})?记者)([\u4e00-\u9fff]{4,10}?)((?:[0-9０-９]{1,2}|[〇一二三四五六七八九十]{1,3})日电)/g;

/** ^ in a multiline regex: start of text or after a line terminator. */
function lineStartAt(s: string, p: number): boolean {
  if (p === 0) return true;
  const c = s.charCodeAt(p - 1);
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

/**
 * The matches of a global `(?:^|[left])(?:labels)…` regex: a match starts either at a line start
 * with a label, or at a `left` character followed by a label, so it is tried (sticky) only there,
 * in order, resuming after each match — the same matches as scanning with the global regex.
 */
function labelMatches(s: string, labelStarts: Int32Array, left: Uint8Array, sticky: RegExp, fn: (m: RegExpExecArray) => void): void {
  let nextP = 0;
  const tryAt = (p: number) => {
    if (p < nextP) return;
    sticky.lastIndex = p;
    const m = sticky.exec(s);
    if (!m || m[0].length === 0) return;
    nextP = m.index + m[0].length;
    fn(m);
  };
  for (const q of labelStarts) {
    if (q > 0 && left[s.charCodeAt(q - 1)] === 1) tryAt(q - 1);
    if (lineStartAt(s, q)) tryAt(q);
  }
}

/** A photo credit in brackets: （张浩维摄）, (记者 李明 摄), （王红 摄影）; ctx.s is normalised (攝 → 摄). */
const PHOTO_CREDIT_RE = /[（(][ \t\u3000]*(?:(?:本报|本刊)?记者|通讯员)?[ \t\u3000]*([\u4e00-\u9fff]{2,4}?)[ \t\u3000]*(?:摄影|摄)[ \t\u3000]*[）)]/g;

/** The photographer of a bracketed photo credit: a person, never with 摄 glued on. */
function photoCredits(ctx: Ctx): void {
  const { s } = ctx;
  if (s.indexOf('摄') < 0) return;
  PHOTO_CREDIT_RE.lastIndex = 0;
  for (let m = PHOTO_CREDIT_RE.exec(s); m; m = PHOTO_CREDIT_RE.exec(s)) {
    const name = m[1];
    const p = m.index + m[0].lastIndexOf(name);
    // a name: its first character a surname (or two a compound one), not a label (本报记者摄)
    if (NOT_NAMES.has(name) || /记者|通讯员|本报|本刊|图片|资料/.test(name)) continue;
    if (!ctx.lx.surnames.has(name.charCodeAt(0)) && !ctx.lx.compoundSurnames.has(name.slice(0, 2))) continue;
    // the credit is the person's role here, as a byline's label is (and, as a chain, it outweighs a
    // model name that runs on into 摄)
    const ls = s.indexOf('摄', p + name.length);
    const label = s.startsWith('摄影', ls) ? '摄影' : '摄';
    const chain = { inText: label, start: ls, end: ls + label.length, units: [{ start: ls, end: ls + label.length, text: label, core: label, hasRegionalPrefix: false }] };
    add(ctx, { type: 'person', start: p, end: p + name.length, priority: 100, source: 'rule', role: 'other', chain });
  }
}

export function stageBylines(ctx: Ctx): void {
  const { s } = ctx;
  photoCredits(ctx);
  agencyReporterDatelines(ctx);
  const cands = candidates(ctx);
  labelMatches(s, cands.byline, BYLINE_LEFT, BYLINE_STICKY, (m) => {
    let p = m.index + m[0].length;
    for (let guard = 0; guard < 8; guard++) {
      // the next label of the line (作者:佚名 来源:…, 编辑:某某 审核:…) ends this one's names
      LABEL_AHEAD.lastIndex = p;
      if (LABEL_AHEAD.test(s)) break;
      const r = readNameStrict(ctx, p);
      if (!r) break;
      // (a unit signs too: 作者:二公司, 供稿:办公室)
      if (UNIT_END.test(s.slice(p, r))) break;
      // 佚名 (anonymous), 不详: the label is filled, but with no name; 作者:记者 郭峰: a post before the name
      if (NOT_NAMES.has(s.slice(p, r)) || BYLINE_POSTS.has(s.slice(p, r))) {
        p = r;
        while (p < s.length && (s[p] === '、' || s[p] === ' ' || s[p] === '，' || s[p] === ',' || s[p] === '\u3000')) p++;
        continue;
      }
      add(ctx, { type: 'person', start: p, end: r, priority: 100, source: 'rule', role: 'other', chain: undefined });
      const label = m[0].replace(/^[\s（(【[|｜，,]/, '').replace(/[：:]\s*$/, '');
      const last = ctx.spans[ctx.spans.length - 1];
      const ls = m.index + m[0].indexOf(label);
      if (last && last.start === p) last.chain = { inText: label, start: ls, end: ls + label.length, units: [{ start: ls, end: ls + label.length, text: label, core: label, hasRegionalPrefix: false }] };
      p = r;
      while (p < s.length && (s[p] === '、' || s[p] === ' ' || s[p] === '，' || s[p] === ',' || s[p] === '\u3000')) p++;
    }
  });
  // Linear on long lines: the line end is found once per line, and a later label on a line that
  // an earlier label already walked to its end only needs its own first item (every later item
  // starts after a separator the earlier walk passed, so it was tried already and `taken` only grows).
  let cachedFrom = -1;
  let cachedLineEnd = -1;
  let walkedLineEnd = -1;
  labelMatches(s, cands.source, SOURCE_LEFT, SOURCE_STICKY, (m) => {
    let p = m.index + m[0].length;
    if (!(p >= cachedFrom && p <= cachedLineEnd)) {
      const e = s.indexOf('\n', p);
      cachedFrom = p;
      cachedLineEnd = e < 0 ? s.length : e;
    }
    const lineEnd = cachedLineEnd;
    const firstOnly = walkedLineEnd === lineEnd;
    walkedLineEnd = lineEnd;
    while (p < lineEnd) {
      let q = p;
      let colon = false;
      for (; q < lineEnd; q++) {
        const c = s.charCodeAt(q);
        if (SOURCE_SEPS[c] === 1) break;
        if (c === 0x3a || c === 0xff1a) colon = true;
      }
      const len = q - p;
      // another field of the same line (发布时间:…, 编辑:…) ends the list of sources
      if (colon) break;
      // two media joined by a dash (东营网-东营日报, 人民网-湖北频道): the outlet before it is one of them
      const dash = s.slice(p, q).search(/[-—]/);
      if (dash >= 2 && OUTLET_END.test(s.slice(p, p + dash)) && q - (p + dash + 1) >= 2) {
        add(ctx, { type: 'organization', start: p, end: p + dash, priority: 85, source: 'rule' });
        if (OUTLET_END.test(s.slice(p + dash + 1, q))) add(ctx, { type: 'organization', start: p + dash + 1, end: q, priority: 85, source: 'rule' });
        p = q + 1;
        if (firstOnly) break;
        continue;
      }
      // (a page's word for itself or for no one, 本站, 网络, 原创, names no source)
      if (len >= 2 && len <= 16 && !NO_SOURCE.has(s.slice(p, q))) {
        const txt = s.slice(p, q);
        const company = ctx.lx.companies.get(txt);
        if (company) add(ctx, { type: 'company', start: p, end: q, priority: 85, source: 'lexicon' });
        // a government's own site names the government (来源：福建省人民政府)
        // (a builder named by its bureau is a company: 来源:中交一公局)
        else add(ctx, { type: BUREAU_COMPANY.test(txt) ? 'company' : GOV_SOURCE_RE.test(txt) ? 'government' : 'organization', start: p, end: q, priority: 85, source: 'rule' });
      }
      // (a sentence's end ends the list: what follows on the line is text)
      // (a later label on the line then walks its own list: the walk stopped short of the line's end)
      if (SENTENCE_END[s.charCodeAt(q)] === 1) {
        walkedLineEnd = -1;
        break;
      }
      p = q + 1;
      if (firstOnly) break;
    }
  });
}

/** The end of a unit's name, never a person's. */
const UNIT_END = /(?:公司|集团|中心|办公室|.[部局处室厅所院队])$/;
/** What a source label may hold that names no medium or body. */
const NO_SOURCE = new Set(['本站', '本网', '本报', '本台', '本刊', '本社', '网络', '互联网', '网友', '网友投稿', '原创', '综合', '综合报道', '未知', '不详', '转载', '投稿', '来稿', '供稿', '自媒体']);
const GOV_SOURCE_RE = /(人民政府|政府|委员会|办公厅|办公室|[局厅部委办])$/;
// (and a bracket closing the label's field: 【来源:石台县委宣传部】)
const SENTENCE_END = codeSet('。！？!?');
const SOURCE_SEPS = codeSet('、，,；;/|｜ 　）)】］]〕〗。！？!?');
