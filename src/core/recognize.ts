/**
 * The recognizer: the rule pipeline's spans (./rules/pipeline.ts) merged with the statistical
 * model's (./model/combine.ts decides where they disagree). recognize() and tag() are what the
 * analysis, the CLI (`news-lens tag`) and eval call.
 */
import type { EntityType, PersonRole, Span } from './types';
import { loadDefaultModel } from './model/index';
import { modelCompanyStart } from './rules/companies';
import { functionWordEnd, isFunctionChar, onlyFunctionWords } from './lexicon/functionWords';
import { PARK_AFTER, PARK_WORDS } from './rules/companyLexicon';
import { combineSortedInto, combineSpansInto, companyRetype, governmentRetype, spanOrder } from './model/combine';
import { PIPELINE, recognizeRich, runRules } from './rules/pipeline';
import { maskedRangesOf } from './rules/masked';
import { codeSet, JS_SPACE } from './rules/charClasses';
import { companiesInLists, companyHeadsInLists } from './model/lists';
import { endsInGovBody, unsupportedModelCompany } from './model/companyEvidence';
import { BOARD_COMMITTEE } from './rules/government';
import type { RichSpan, TitleChain } from './rules/types';
import { BUSINESS_ASSOCIATION, BUSINESS_CORES, OTHER_CORES } from './rules/roles';
import { normalizeForMatching } from './normalize';
import { lookupPlace, lexicons } from './lexicon';
import { shortFormPlace } from './lexicon/regionNames';
import { POST_NAME_TITLES } from './lexicon/words';
import { bodyLeadPlace } from './rules/placeNames';
import { LEADER_WORD_ON } from './rules/postNameTitles';

export type { RichSpan, TitleChain } from './rules/types';
export { recognizeRich } from './rules/pipeline';
export { maskedRanges } from './rules/masked';

/** Texts longer than this are analysed by rules only (the model is linear but much slower). */
export const MODEL_MAX_CHARS = 300_000;

export interface RecognizeOptions {
  /** Use the statistical model when one is available (default true, up to MODEL_MAX_CHARS). */
  useModel?: boolean;
  /** Asked between the rule stages and before the model: true stops early (AnalyzeOptions.shouldStop). */
  shouldStop?: () => boolean;
}

/** A Han character or a Latin letter (ASCII or full-width) in text[a, b). */
function spanHasLetter(text: string, a: number, b: number): boolean {
  if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0) return /[\u3400-\u9fffA-Za-z\uff21-\uff3a\uff41-\uff5a]/.test(text.slice(a, b));
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return true;
  }
  return false;
}

/** Rule spans merged with the statistical model's (if one is available). */
export function recognize(text: string, options?: RecognizeOptions): RichSpan[] {
  return recognizeMerged(text, options, false) as RichSpan[];
}

/** recognize() for a caller that has normalizeForMatching(text) already (analyze): not normalised again. */
export function recognizeNormalized(text: string, normalized: string, options?: RecognizeOptions): RichSpan[] {
  return recognizeMerged(text, options, false, normalized) as RichSpan[];
}

/** tag()'s plain spans (same keys, same order) of rich ones. */
function plainSpans(rich: RichSpan[]): Span[] {
  const out: Span[] = [];
  for (let k = 0; k < rich.length; k++) {
    const s = rich[k];
    out.push({ type: s.type as EntityType, start: s.start, end: s.end, text: s.text, source: s.source });
  }
  return out;
}

/**
 * The text [a, b) (normalised, spaces left out) names a place: a place of the lexicon or the short form
 * of a county or district (周宁 for 周宁县). Two characters at least.
 */
export function placeNamed(norm: string, a: number, b: number): boolean {
  if (b - a < 2 || b - a > 8) return false;
  // (the regex only where a space is: most spans have none)
  let t = norm.slice(a, b);
  for (let i = a; i < b; i++) {
    if (JS_SPACE[norm.charCodeAt(i)] === 1) {
      t = t.replace(/[\s\u3000]+/g, '');
      break;
    }
  }
  return t.length >= 2 && (lookupPlace(t) !== undefined || shortFormPlace(t) !== undefined);
}

/** Prepositions and conjunctions of two characters a model person may open with (关于浅圆仓). */
const FUNCTION_OPENERS = new Set(['关于', '对于', '由于', '以及', '至于', '通过', '根据', '按照', '为了', '除了', '并且', '而且', '或者', '还是', '其他', '其中']);
/** A park's or base's name the model read as a firm (潍柴动力工业园). */
const PARK_END = new RegExp(`(?:${PARK_WORDS})$`);
/** A visit's or a meeting's verb inside a body's name (no body is named so; a delegation's 考察团 and a 研究院 are). */
const VISIT_INSIDE = /(?:调研|视察|走访|慰问|检查|指导|考察)(?![团组队])|研究(?![院所室中会生]|部(?!署))|部署|召开|审议|印发/;
/** A body's name ends with one of these (委员会, 常委会, 管理局, 办公厅). */
const BODY_END_CHAR = /[会委局厅部办院处署]$/;
/** A division's name by its level's last character (石桥镇, 城关镇): a place the lexicon need not know. */
const DIVISION_END = /^[\u4e00-\u9fff]{1,4}[镇乡村县区市]$/;
/** What a model company runs on into after its name: its headquarters, offices or subsidiaries. */
const RUNS_ON = /(?:集团|集團|公司)((?:香港|北京|上海|中国|中國|亚太|亞太|全球|海外)?(?:总部|總部|旗下公司|旗下企业|旗下企業|旗下))$/;

/**
 * recognize(), or with `plain` tag()'s plain spans: the merge's last loop then makes them itself
 * instead of a list of rich spans for tag() to copy again.
 */
function recognizeMerged(text: string, options: RecognizeOptions | undefined, plain: boolean, normalized?: string): Span[] {
  const rules = normalized === undefined ? recognizeRich(text) : runRules(text, PIPELINE, normalized, options?.shouldStop);
  if (options?.shouldStop?.()) return plain ? plainSpans(rules) : rules;
  if (options?.useModel === false || typeof text !== 'string' || text.length > MODEL_MAX_CHARS) return plain ? plainSpans(rules) : rules;
  let model: Span[] = [];
  let ran = false;
  /** Every model span kept has a type and they are in spanOrder (then combineSortedInto needs no checks). */
  let modelOrdered = true;
  let norm = normalized; // (normalised only if a model span needs a check)
  try {
    const m = loadDefaultModel();
    if (m) {
      model = m.predict(text);
      ran = true;
    }
    if (model.length) {
      // the model sees raw text; keep it out of URLs and away from spans with neither a Han character nor a Latin letter (bet365, Valve, EA stay)
      const masked = maskedRangesOf(text);
      // masked ranges are sorted and disjoint: while the spans come sorted by start, one pointer
      // sweeps them (ranges ending at or before a span's start miss it and every later span)
      let mj = 0;
      let prevStart = -Infinity;
      const kept: Span[] = [];
      for (let k = 0; k < model.length; k++) {
        const sp = model[k];
        if (!(sp && typeof sp.start === 'number' && typeof sp.end === 'number' && sp.end > sp.start && sp.end <= text.length)) continue;
        if (!spanHasLetter(text, sp.start, sp.end)) continue;
        // a "person" that is a place's name (周宁 of 周宁县, 河 北 in a roster line) is the place
        if (sp.type === 'person' && placeNamed((norm ??= normalizeForMatching(text)), sp.start, sp.end)) continue;
        // a company read across a space between Chinese words (证券简称:广东明珠 证券代码): a roster spaces
        // a name's characters apart, but no firm's name is written so
        // (…nor any other name: a run of bodies or places a list spaces apart, 长安区育才街道办事处 桥西区…)
        if (sp.type !== 'person' && HAN_SPACE_HAN.test(text.slice(sp.start, sp.end))) continue;
        // a photo caption's or a list's mark run into the name (■廠商會, ●华为): the name after it
        if (LEADING_MARK_CODE[text.charCodeAt(sp.start)] === 1) {
          let a = sp.start;
          while (a < sp.end && (LEADING_MARK.test(text[a]) || (a > sp.start && /\s/.test(text[a])))) a++;
          if (sp.end - a < 2) continue;
          model[k] = { ...sp, start: a, text: text.slice(a, sp.end) };
          k--;
          continue;
        }
        // a transliterated name the model ends inside its last part, which the article names alone
        // elsewhere (纳文钱德拉·拉姆 | 古兰, with 拉姆古兰 known): the whole name
        if (sp.type === 'person' && sp.text.includes('·')) {
          const r = personRunningOn(rules, sp.start, sp.end);
          if (r !== undefined) {
            model[k] = { ...sp, end: r, text: text.slice(sp.start, r) };
            k--;
            continue;
          }
        }
        // a name never runs across a quotation mark or a lenticular bracket (淄博市“商会之家”: the
        // model's organization 淄博市“商会): the part before it, a place when it names one
        const quote = innerQuote(text, sp.start, sp.end);
        if (quote >= 0) {
          if (quote - sp.start < 2 || sp.type === 'person') continue;
          const place = placeNamed((norm ??= normalizeForMatching(text)), sp.start, quote);
          model[k] = { ...sp, type: place ? 'place' : sp.type, end: quote, text: text.slice(sp.start, quote) };
          k--;
          continue;
        }
        // a name that runs into a bracket it does not close (香港中華廠商聯合會(廠商會): the name before it;
        // the short name in the brackets is another form the aliases join)
        if (sp.type !== 'person') {
          const open = unclosedBracket(text, sp.start, sp.end);
          if (open >= 0) {
            // (an opening bracket that starts it is the merge's to trim: （中央社)
            if (open === sp.start) {
              if (unclosedBracket(text, sp.start + 1, sp.end) >= 0) continue;
            } else if (sp.type === 'place' && sp.end < text.length && CLOSE_BRACKET.test(text[sp.end]) && sp.end - open <= 7) {
              // …or a place that stops right before it closes (胡耶河(越南)): the whole (a company's
              // region in brackets ends its name only with a legal suffix after it: 渣打银行（中国 is 渣打银行)
              model[k] = { ...sp, end: sp.end + 1, text: text.slice(sp.start, sp.end + 1) };
              k--;
              continue;
            } else {
              if (open - sp.start < 2) continue;
              model[k] = { ...sp, end: open, text: text.slice(sp.start, open) };
              k--;
              continue;
            }
          }
        }
        if (masked.length !== 0) {
          if (sp.start < prevStart) {
            if (masked.some(([a, b]) => sp.start < b && a < sp.end)) continue;
          } else {
            prevStart = sp.start;
            while (mj < masked.length && masked[mj][1] <= sp.start) mj++;
            if (mj < masked.length && masked[mj][0] < sp.end) continue;
          }
        }
        // (what combineSpans would check per window: a type, and in order)
        if (modelOrdered) modelOrdered = typeof sp.type === 'string' && (kept.length === 0 || spanOrder(kept[kept.length - 1], sp) <= 0);
        kept.push(sp);
      }
      model = kept;
    }
  } catch {
    model = [];
    ran = false;
  }
  // a text where the model found nothing still goes through the merge: rule-only spans the model
  // confidently rejects are dropped there too (《商业周刊》, Gameinformer杂志 in sentences with no model span)
  if (!ran) return plain ? plainSpans(rules) : rules;
  // combine window by window (paragraphs), so the merge stays linear on long texts
  const merged: Span[] = [];
  try {
    // (predict returns them sorted: then the stable sort would change nothing)
    for (let k = 1; k < model.length && !modelOrdered; k++) {
      if (model[k - 1].start > model[k].start) {
        model.sort((a, b) => a.start - b.start);
        break;
      }
    }
    let ri = 0;
    let mi = 0;
    let winStart = 0;
    // largest end among the spans already taken into windows (both lists sorted by start)
    let rulesDoneEnd = -1;
    let modelDoneEnd = -1;
    let nlFrom = -1;
    let nlAt = -2;
    while (winStart < text.length && (ri < rules.length || mi < model.length)) {
      let winEnd = Math.min(text.length, winStart + 4000);
      if (!(winEnd >= nlFrom && winEnd <= nlAt)) {
        nlFrom = winEnd;
        nlAt = text.indexOf('\n', winEnd);
        if (nlAt < 0) nlAt = text.length;
      }
      winEnd = nlAt >= text.length ? text.length : nlAt + 1;
      // never cut through a span. Same result as testing every span of both lists in order, in
      // time proportional to the window: spans already taken all start before winEnd, so they
      // just raise it to their largest end; the rest are sorted by start, so the first one that
      // starts at or after winEnd ends the scan.
      if (rulesDoneEnd > winEnd) winEnd = rulesDoneEnd;
      for (let k = ri; k < rules.length && rules[k].start < winEnd; k++) if (rules[k].end > winEnd) winEnd = rules[k].end;
      if (modelDoneEnd > winEnd) winEnd = modelDoneEnd;
      for (let k = mi; k < model.length && model[k].start < winEnd; k++) if (model[k].end > winEnd) winEnd = model[k].end;
      const r: Span[] = [];
      const m: Span[] = [];
      while (ri < rules.length && rules[ri].start < winEnd) {
        if (rules[ri].end > rulesDoneEnd) rulesDoneEnd = rules[ri].end;
        r.push(rules[ri++]);
      }
      while (mi < model.length && model[mi].start < winEnd) {
        if (model[mi].end > modelDoneEnd) modelDoneEnd = model[mi].end;
        m.push(model[mi++]);
      }
      // rule spans come valid and sorted (recognizeRich: claimed, non-empty, sorted by start)
      if (r.length) {
        if (modelOrdered) combineSortedInto(r, m, merged);
        else combineSpansInto(r, m, merged);
      }
      else for (let k = 0; k < m.length; k++) merged.push(m[k]);
      winStart = winEnd;
    }
  } catch {
    return plain ? plainSpans(rules) : rules;
  }
  const out: Span[] = [];
  let lastEnd = -1;
  // windows follow each other and each comes sorted: usually nothing to sort
  for (let k = 1; k < merged.length; k++) {
    if (merged[k - 1].start > merged[k].start || (merged[k - 1].start === merged[k].start && merged[k - 1].end < merged[k].end)) {
      merged.sort((a, b) => a.start - b.start || b.end - a.end);
      break;
    }
  }
  // the heads of a list of firms' people whose firm no span reads (model/lists.ts)
  // (its firm as a rule's company, which the model's company checks leave alone; its post as the
  // model's title, which the loop below makes the person's chain)
  const listed = companyHeadsInLists(text, merged, (type, start, end) =>
    (type === 'company' ? { type, start, end, text: text.slice(start, end), source: 'rule', priority: 70 } : { type, start, end, text: text.slice(start, end), source: 'model' }) as Span,
  );
  if (listed !== merged) merged.splice(0, merged.length, ...listed);
  for (let mk = 0; mk < merged.length; mk++) {
    let sp = merged[mk];
    if (!sp || sp.start < lastEnd || sp.end <= sp.start || sp.end > text.length) continue;
    // the model's companies that name none (集团公司) or another kind of body (新疆生产建设兵团): combine.ts
    if (sp.type === 'company' && ((sp as RichSpan).priority ?? 30) <= 30) {
      // a company's headquarters or subsidiaries named after it (集团香港总部, 中信集团旗下公司): the company
      const cut = RUNS_ON.exec(sp.text);
      if (cut) sp = { ...sp, end: sp.end - cut[1].length, text: sp.text.slice(0, sp.text.length - cut[1].length) };
      // …and the company the text speaks of joined to it (国药科技及公司董事长): the name before the conjunction
      const joined = JOINED_BARE.exec(sp.text);
      if (joined && joined.index >= 2) sp = { ...sp, end: sp.start + joined.index, text: sp.text.slice(0, joined.index) };
      // …and a company's department or plant run on after its name (沃尔玛百货有限公司国际部, …有限公司泰国厂,
      // 中芯国际公司深圳工厂): the company; a department alone (人力资源部) or a branch named by a place
      // alone (北京分公司) is no company of its own
      const key = (norm ??= normalizeForMatching(text)).slice(sp.start, sp.end);
      const unitAfter = UNIT_AFTER_FIRM.exec(key);
      if (unitAfter && (unitAfter[3] === undefined || lookupPlace(unitAfter[2]) !== undefined || unitAfter[2] === '')) {
        const keep = unitAfter[1].length;
        sp = { ...sp, end: sp.start + keep, text: sp.text.slice(0, keep) };
      } else if (DEPARTMENT_ONLY.test(sp.text) || (PLACE_BRANCH.test(key) && lookupPlace(key.slice(0, -3)) !== undefined)) continue;
      // a verb or conjunction run into the name (以及集团公司, 盛赞正威集团): cut as the rules cut a stem
      const from = modelCompanyStart((norm ??= normalizeForMatching(text)), sp.start, sp.end);
      if (from < 0) continue;
      if (from > sp.start) sp = { ...sp, start: from, text: text.slice(from, sp.end) };
      // (null: no company at all; a government body's name ending it, 香港中联办: that body)
      let t = companyRetype(sp.text);
      if (t === undefined && endsInGovBody((norm ??= normalizeForMatching(text)).slice(sp.start, sp.end))) t = 'government';
      if (t === null) continue;
      if (t) sp = { ...sp, type: t };
      // …and one a park is named after (潍柴动力工业园, 东北快递(电商)物流产业园): the park's name, no firm
      else if (PARK_AFTER.test((norm ??= normalizeForMatching(text)).slice(sp.end, sp.end + 12)) || PARK_END.test(norm.slice(sp.start, sp.end))) continue;
      // …and one nothing in the text supports whose form names no firm (民生, 湖北汽车工业): companyEvidence.ts
      else if (unsupportedModelCompany(text, norm, sp.start, sp.end, out[out.length - 1], merged[mk + 1])) continue;
    } else if (sp.type === 'government' && ((sp as RichSpan).priority ?? 30) <= 30) {
      // …and its bodies that are companies (中建三局), or a company board's committees (审核委员会)
      const t = governmentRetype(sp.text);
      if (t) sp = { ...sp, type: t };
      else if (BOARD_COMMITTEE.test((norm ??= normalizeForMatching(text)).slice(sp.start, sp.end))) continue;
    }
    if (((sp as RichSpan).priority ?? 30) <= 30) {
      // a body the model ran on into a visit's verb (石桥镇调研农业产业): the place or body before the verb
      if (sp.type === 'organization' || sp.type === 'company' || sp.type === 'government') {
        const v = VISIT_INSIDE.exec((norm ??= normalizeForMatching(text)).slice(sp.start, sp.end));
        if (v && v.index >= 2) {
          const end = sp.start + v.index;
          const before = norm.slice(sp.start, end);
          // (the body before the verb where one ends there: 市委常委会 of 市委常委会研究部署)
          if (sp.type !== 'company' && BODY_END_CHAR.test(before)) sp = { ...sp, end, text: text.slice(sp.start, end) };
          else if (placeNamed(norm, sp.start, end) || DIVISION_END.test(before)) sp = { ...sp, type: 'place', end, text: text.slice(sp.start, end) };
          else continue;
        }
      }
      // a model span that ran on into a full stop or comma (广东.、福建): without it
      while (sp.end - sp.start > 1 && TRAILING_PUNCT_CODE[text.charCodeAt(sp.end - 1)] === 1) sp = { ...sp, end: sp.end - 1, text: text.slice(sp.start, sp.end - 1) };
      // …or that took the opening bracket of a name in brackets (上海市工商联（总商会）): without it
      // (not 《: a work's title keeps its book quotes)
      while (sp.end - sp.start > 1 && LEADING_OPEN_CODE[text.charCodeAt(sp.start)] === 1) sp = { ...sp, start: sp.start + 1, text: text.slice(sp.start + 1, sp.end) };
      if (sp.type === 'person' && sp.end - sp.start === 2 && text.length > sp.end + 1) {
        // a surname and one character where the model stopped before the given name's last one, the
        // name's end plain after it (董立|均，, 粘清|泉4年, 唐英|年拜访, 张志|华先生): the three
        const n = (norm ??= normalizeForMatching(text));
        const lx = lexicons();
        const c = sp.end;
        if (lx.surnames.has(n.charCodeAt(sp.start)) && isHanChar(n.charCodeAt(c)) && !nameEndsBefore(n, c, lx, 1) && !isFunctionChar(n, c) && nameEndsBefore(n, c + 1, lx, 2)) {
          sp = { ...sp, end: c + 1, text: text.slice(sp.start, c + 1) };
        }
      }
      if (sp.type === 'person' && sp.end - sp.start === 1) {
        // a surname alone where the model stopped at a name character that is also a conjunction
        // (同程艺龙CEO马和平，: 马): the name runs to the list's mark right after
        const m = NAME_RUNS_ON.exec(text.slice(sp.end, sp.end + 3));
        if (m && lexicons().surnames.has(text.charCodeAt(sp.start))) sp = { ...sp, end: sp.end + m[1].length, text: text.slice(sp.start, sp.end + m[1].length) };
      }
      if (sp.type === 'person') {
        // a "name" that is a post or a verb (记者, 任命, 特聘): no person
        const k = (norm ??= normalizeForMatching(text)).slice(sp.start, sp.end);
        const core = lexicons().titleCores.longest(k, 0);
        if ((core && core[0] === k.length) || onlyFunctionWords(norm, sp.start, sp.end)) continue;
        // …or that opens with a preposition of two characters (关于浅圆仓): no name starts so
        if (sp.end - sp.start >= 3 && FUNCTION_OPENERS.has(norm.slice(sp.start, sp.start + 2))) continue;
        // …or a pronunciation written after a character (經(jīng)濟, 農(nóng)貿): pinyin with tone marks,
        // or a bracket inside, is no name
        if (NOT_IN_NAME.test(sp.text)) continue;
        // …and the first character of a time word run into the name (卓榮泰今(10)日, 欧阳瑜今天): the name
        if (sp.end - sp.start >= 3 && TIME_WORD_START[text.charCodeAt(sp.end - 1)] === 1 && TIME_WORD_NEXT[text.charCodeAt(sp.end)] === 1) {
          sp = { ...sp, end: sp.end - 1, text: sp.text.slice(0, -1) };
        }
        // …and a photo credit's 摄 run into the name at a caption's end (记者袁永红摄): the name
        const credit = PHOTO_CREDIT_END.exec(sp.text);
        if (credit && sp.text.length - credit[0].length >= 2 && !/[\u4e00-\u9fff]/.test(text[sp.end] ?? '')) sp = { ...sp, end: sp.end - credit[0].length, text: sp.text.slice(0, sp.text.length - credit[0].length) };
      } else if (sp.type === 'company') {
        // a "company" that is a province's, city's or country's name (广东.、福建等沿海发达地区): the place
        const p = lookupPlace((norm ??= normalizeForMatching(text)).slice(sp.start, sp.end));
        if (p && (p.level === 'province' || p.level === 'city' || p.level === 'country')) sp = { ...sp, type: 'place' };
      }
    }
    // a body's word read as a name (商会主席: 商会; 財政司司長法團; 勞青處): no given name ends so
    if (sp.type === 'person' && BODY_WORD_AS_NAME.test((norm ??= normalizeForMatching(text)).slice(sp.start, sp.end))) continue;
    // …nor a verb or another function word of two characters whose first is also a surname (人大常委会
    // 决定任命, 辞职申请, 都属): a word, whoever's post comes before it
    if (sp.type === 'person' && sp.end - sp.start === 2 && functionWordEnd((norm ??= normalizeForMatching(text)), sp.start, sp.end) === sp.end) continue;
    // an association named with the place it is of, read as the place and the rest (澳門 + 東盟國際商會,
    // 甘肃 + 晋商商业联合会): one name, as the association writes it
    if (sp.type === 'organization' && out.length && ASSOCIATION_END.test(sp.text)) {
      const prev = out[out.length - 1] as RichSpan;
      if (prev.type === 'place' && prev.end === sp.start && !(prev as RichSpan).chain) {
        const p = lookupPlace((norm ??= normalizeForMatching(text)).slice(prev.start, prev.end));
        if (p && (p.level === 'province' || p.level === 'city' || p.level === 'country')) {
          out.pop();
          sp = { ...sp, start: prev.start, text: text.slice(prev.start, sp.end) };
        }
      }
    }
    let rich = sp as RichSpan;
    if (rich.priority === undefined) {
      // (tag()'s plain span made at once: the rich copy below would only be copied again)
      if (plain) {
        out.push({ type: sp.type as EntityType, start: sp.start, end: sp.end, text: text.slice(sp.start, sp.end), source: sp.source ?? 'model' });
        lastEnd = sp.end;
        continue;
      }
      rich = { ...sp, text: text.slice(sp.start, sp.end), priority: 30, source: sp.source ?? 'model' };
    }
    // a name the rules could not read after a title chain (董事长松井学, 会长洪清华: 学 and 华 also end
    // words) and the model did: the chain is that person's, as it would have been the rules' person's
    // (and so do the names after it in a list: 副市长李四川、许志坚 — the rules' own lists share their post)
    if (!plain && rich.type === 'person' && !rich.chain && out.length) {
      const prev = out[out.length - 1] as RichSpan;
      const chain = prev.chain;
      const afterChain = prev.type === 'title' && chain?.end === prev.end && prev.end === rich.start;
      const nextInList = prev.type === 'person' && prev.role === chain?.role && prev.end + 1 === rich.start && text[prev.end] === '、';
      if (chain?.role && (afterChain || nextInList)) rich = { ...rich, chain, role: chain.role };
      // a post the model read right before the name, and no chain: the chain the rules would have
      // made of it, with the body just before it (发展局局长宁汉豪, 房屋局局长何永贤)
      else if (!chain && prev.type === 'title' && prev.end === rich.start && prev.source === 'model') {
        // (a post the model read in two pieces, 主任 + 秘书, is one: 主任秘书)
        let title: Span = prev;
        let b = out.length - 2;
        const two = b >= 0 ? (out[b] as RichSpan) : undefined;
        if (two && two.type === 'title' && two.source === 'model' && !two.chain && two.end === prev.start) {
          title = { ...prev, start: two.start, text: text.slice(two.start, prev.end) };
          b--;
        }
        // (a company's region of business between the company and the post: 华润置地 + 华东大区 + 总经理)
        let firm: RichSpan | undefined;
        for (let q = b; q >= Math.max(0, b - 2); q--) {
          const sq = out[q] as RichSpan;
          if (sq.type === 'company') {
            if (title.start - sq.end <= 6 && COMPANY_REGION.test((norm ??= normalizeForMatching(text)).slice(sq.end, title.start))) firm = sq;
            break;
          }
          if (sq.type !== 'place') break;
        }
        const made = modelChain(text, (norm ??= normalizeForMatching(text)), title, b >= 0 ? (out[b] as RichSpan) : undefined, firm);
        if (made) rich = { ...rich, chain: made, role: made.role };
      }
      // a leader's post written after the name (温家宝总理, 宋建华副县长) that the rules could not
      // read, the name being the model's: the post is that person's, as stagePostNameTitles makes it
      if (!rich.chain) {
        const next = merged[mk + 1] as RichSpan | undefined;
        if (next && next.type === 'title' && next.start === rich.end && !next.chain) {
          const post = (norm ??= normalizeForMatching(text)).slice(next.start, next.end);
          const word = post.startsWith('副') ? post.slice(1) : post;
          if (POST_NAME_SET.has(word) && word !== '同志' && !(next.end < norm.length && LEADER_WORD_ON.includes(norm[next.end]))) {
            const role: PersonRole = BUSINESS_CORES.has(word) ? 'business' : OTHER_CORES.has(word) ? 'other' : 'official';
            const t = text.slice(next.start, next.end);
            rich = { ...rich, role, chain: { inText: t, start: next.start, end: next.end, units: [{ start: next.start, end: next.end, text: t, core: post, hasRegionalPrefix: false }], role } };
          }
        }
      }
    }
    out.push(plain ? { type: rich.type as EntityType, start: rich.start, end: rich.end, text: rich.text, source: rich.source } : rich);
    lastEnd = sp.end;
  }
  // the items of a list of companies are companies (model/lists.ts)
  return companiesInLists(text, out, (start, end) => {
    const t = text.slice(start, end);
    return (plain ? { type: 'company', start, end, text: t, source: 'rule' } : { type: 'company', start, end, text: t, source: 'rule', priority: 70 }) as Span;
  });
}

/**
 * The title chain of a post the model read right before a name: one unit, its organization the
 * body or company written right before it (发展局 + 局长), its role as the rules would give it: a
 * company's post or a business core makes a business person, a reporter's or a professor's someone
 * else, a post in a government body an official. A post the title lexicon does not know, or one with
 * nothing to say whose it is (a bare 主任), makes none. `firm`: a company named before the post with
 * only its region of business between (华润置地 + 华东大区 + 总经理), the post's company.
 */
function modelChain(text: string, norm: string, title: Span, before: RichSpan | undefined, firm?: RichSpan): TitleChain | undefined {
  // (posts joined by 兼 are read by the last: 主席兼常务董事 → 常务董事; a modifier before a post is the
  // post's: 行政总裁 → 总裁)
  let written = norm.slice(title.start, title.end);
  if (written.includes('兼')) written = written.slice(written.lastIndexOf('兼') + 1);
  const lxm = lexicons();
  if (lxm.titleCores.longest(written, 0)?.[0] !== written.length) {
    const mod = lxm.titleModifiers.longest(written, 0);
    if (mod && mod[0] < written.length && lxm.titleCores.longest(written, mod[0])?.[0] === written.length) written = written.slice(mod[0]);
  }
  // a level's body written before the post (自治区主席, 市政府秘书长): a state post of that level,
  // also when the model left the level out of its title (，自治区 + 主席: the chain starts at it)
  const prefix = LEVEL_BODY_PREFIX.exec(written);
  const outside = prefix ? null : LEVEL_BODY_BEFORE.exec(norm.slice(Math.max(0, title.start - 9), title.start));
  const level = !!prefix || !!outside;
  // (a board's post before a business core is a company's: 董事总经理, 执行董事兼总裁)
  const lx = lexicons();
  const afterBoard = prefix ? undefined : BOARD_PREFIX.exec(written)?.[0].length;
  const boardCore = afterBoard && afterBoard < written.length && lx.titleCores.longest(written, afterBoard)?.[0] === written.length ? written.slice(afterBoard) : undefined;
  const board = !!boardCore && lx.titleCores.longest(written, 0)?.[0] !== written.length;
  let core = prefix ? written.slice(prefix[0].length) : board ? boardCore! : written;
  // (a company's region of business between it and the post, 华润置地 + 华东大区 + 总经理: the company)
  const org = firm ?? (before && before.end === title.start && (before.type === 'government' || before.type === 'company' || before.type === 'organization') ? before : undefined);
  const known = core ? lx.titleCores.longest(core, 0) : undefined;
  if (!known || known[0] !== core.length) {
    // a company's post that names its function before a business core (营运总裁, 风险管理总监): the core's
    if (org?.type !== 'company') return undefined;
    // (a company's leaders or head named so, 海泰集团领导宫靖、徐蔚莉: its business people)
    if (core === '领导' || core === '负责人') core = '';
    let k = 1;
    while (k <= core.length - 2 && k <= 6 && !BUSINESS_CORES.has(core.slice(k))) k++;
    if (core && (k > core.length - 2 || k > 6 || !/^[\u4e00-\u9fff]+$/.test(core.slice(0, k)))) return undefined;
    core = core ? core.slice(k) : written;
  }
  let role: PersonRole | undefined;
  if (org?.type === 'company' || BUSINESS_CORES.has(core) || board) role = 'business';
  // (a post of a chamber of commerce or a manufacturers' association, 廠商會 + 會長: a business person's)
  else if (org?.type === 'organization' && BUSINESS_ASSOCIATION.test(norm.slice(org.start, org.end))) role = 'business';
  else if (OTHER_CORES.has(core)) role = 'other';
  else if (org?.type === 'government' || level) role = 'official';
  if (!role) return undefined;
  // a body's name is part of the post as written (发展局局长); a company's is not
  const start = org && org.type !== 'company' ? org.start : outside ? title.start - outside[1].length : title.start;
  const t = text.slice(start, title.end);
  // a body named with its region holds its posts there (孝感市政府办公室副主任, 云南省侨办经科处副处长), as
  // the rules' chains read it (titles.ts)
  const lead = org && org.type !== 'company' ? bodyLeadPlace(lxm, norm, org.start, org.end) : undefined;
  const region = lead && lead[0] < org!.end ? lead[1].name : undefined;
  return {
    inText: t,
    start,
    end: title.end,
    units: [{ start, end: title.end, text: t, core, hasRegionalPrefix: false }],
    ...(org ? { organization: text.slice(org.start, org.end), orgStart: org.start, orgEnd: org.end, orgType: org.type } : {}),
    ...(region ? { region } : {}),
    role,
  };
}

/** Posts written after a name (温家宝总理, 刘立新副市长): lexicon/words.ts, with the level heads. */
const POST_NAME_SET = new Set([...POST_NAME_TITLES, '县长', '区长', '州长', '镇长', '乡长']);

/** The end of an association's name (商会, 协会, 联合会, 促进会, 同乡会, 联谊会). */
const ASSOCIATION_END = /(?:商会|商會|协会|協會|联合会|聯合會|促进会|促進會|同乡会|同鄉會|联谊会|聯誼會|协进会|協進會)$/;

/**
 * A firm's legal name, then a department (国际部) or a plant in a place (泰国厂, 深圳工厂): 1 the firm,
 * 2 the place (or the department's words), 3 the plant's word when it is a plant.
 */
const UNIT_AFTER_FIRM = /^(.{2,}?(?:有限公司|公司|集团))(?:[\u4e00-\u9fff]{2,6}部|([\u4e00-\u9fff]{0,4}?)(工厂|厂))$/;
/** A department's name alone, read as a firm (人力资源部, 战略发展部): no firm (not 俱乐部, 总部). */
const DEPARTMENT_ONLY = /^[\u4e00-\u9fff]{2,6}(?<!俱乐|總|总)部$/;
/** A branch named by a place alone (北京分公司). */
const PLACE_BRANCH = /^[\u4e00-\u9fff]{2,4}分公司$/;

/** A conjunction and a bare 公司/集团 ending a model's company: a second company, the one the text speaks of. (Not 和, a name's character as often: 信和集团.) */
const JOINED_BARE = /[及与暨與](?:公司|集团|集團)$/;

/** A company's region of business (华东大区, 华南区域, 中国区, 大中华区, 亚太区). */
const COMPANY_REGION = /^(?:[东南西北中]|华[东南西北中]|东北|西北|西南|中国|大中华|亚太|全球|海外|国际)(?:大区|区域|区|地区)?$/;

/** The end of a rule's person that starts inside [start, end) after a middle dot and runs on past it, if any. */
function personRunningOn(rules: readonly RichSpan[], start: number, end: number): number | undefined {
  let lo = 0;
  let hi = rules.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rules[mid].start <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < rules.length && rules[k].start < end; k++) {
    const r = rules[k];
    if (r.type === 'person' && r.end > end && r.end - end <= 6) return r.end;
  }
  return undefined;
}

const isHanChar = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;
/**
 * A name may end before `pos`: the text ends, a non-Han character follows, or a word names follow with
 * of `minWord` characters or more (说, 先生, 表示, 今天; with 2, not 于 of 生于 nor 任 of 连任).
 */
function nameEndsBefore(n: string, pos: number, lx: ReturnType<typeof lexicons>, minWord: number): boolean {
  if (pos >= n.length || !isHanChar(n.charCodeAt(pos))) return true;
  const hit = lx.afterName.longest(n, pos);
  return hit !== undefined && hit[0] - pos >= minWord;
}

/** The first quotation mark or lenticular bracket inside [start, end) after its first character, or -1. */
function innerQuote(text: string, start: number, end: number): number {
  for (let i = start + 1; i < end; i++) if (QUOTE_MARK[text.charCodeAt(i)] === 1) return i;
  return -1;
}
const QUOTE_MARK = codeSet('“”「」『』【】〖〗');

/** Where [start, end) opens a bracket it does not close, or -1. */
function unclosedBracket(text: string, start: number, end: number): number {
  let open = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28 || c === 0xff08) open = open < 0 ? i : open;
    else if ((c === 0x29 || c === 0xff09) && open >= 0) open = -1;
  }
  return open;
}

/** Marks that open a caption or a list item, never a name: geometric shapes, stars, bullets. */
const LEADING_MARK = /[\u25a0-\u25ff\u2605\u2606\u2022\u00b7\u2027\u30fb\u2794-\u27bf#＃]/;
/** LEADING_MARK as a table over code units (tested on every model span; so are the two below). */
const LEADING_MARK_CODE = (() => {
  const t = codeSet('\u2605\u2606\u2022\u00b7\u2027\u30fb#＃');
  t.fill(1, 0x25a0, 0x2600);
  t.fill(1, 0x2794, 0x27c0);
  return t;
})();
const CLOSE_BRACKET = /[)）]/;
const HAN_SPACE_HAN = /[\u4e00-\u9fff][ \t\u3000]+[\u4e00-\u9fff]/;
const TRAILING_PUNCT_CODE = codeSet('.．,，、;；:：');
/** Pinyin's tone-marked vowels and brackets: in a pronunciation, never in a name. */
const NOT_IN_NAME = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ()（）]/;
/** A conjunction's character and at most one more, then a list's or a sentence's mark: the rest of a name the model cut at the conjunction. */
const NAME_RUNS_ON = /^([和与及同跟并][\u4e00-\u9fff]?)[，,、。；;]/;
/** 今, 昨, 明 opening a time word (今天, 昨日, 明年, 今(10)日) and what may follow them there. */
const TIME_WORD_START = codeSet('今昨');
const TIME_WORD_NEXT = codeSet('天日年晚晨早(（');
/** Two characters ending in a body's suffix, or three ending in a department's: a body's word, no name. */
const BODY_WORD_AS_NAME = /^(?:[\u4e00-\u9fff][会团处局厅署]|[\u4e00-\u9fff]{2}[处局厅署])$/;
/** A photo credit's word after a photographer's name. */
const PHOTO_CREDIT_END = /(?:摄影|摄|攝影|攝)$/;
const LEADING_OPEN_CODE = codeSet('（(「『“‘【〔[');
/** A company board's post written before another post (董事总经理, 执行董事兼总裁). */
const BOARD_PREFIX = /^(?:执行|常务|独立|非执行)?董事(?:局|会)?(?:兼)?/;
const LEVEL_BODY_PREFIX = /^(?:自治区|省|市|区|县|州|旗)(?:党委|委|人民政府|政府|人大常委会|人大|政协)?/;
/** A level's body standing alone (after punctuation or at the start) right before a post. */
const LEVEL_BODY_BEFORE = /(?:^|[^\u4e00-\u9fff])((?:自治区|省|市|区|县|州)(?:党委|委|人民政府|政府|人大常委会|人大|政协)?)$/;

/** The recognizer behind `news-lens tag`: plain spans, sorted, non-overlapping. */
export function tag(text: string): Span[] {
  try {
    return recognizeMerged(text, undefined, true);
  } catch {
    return [];
  }
}
