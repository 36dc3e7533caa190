/**
 * Generated documents and the invariants the core keeps on every one of them (issue 13), shared by
 * `npm run fuzz` (scripts/fuzz.ts: 100,000 documents, timing, growth patterns, the CLI) and the unit
 * tier's seeded slice (no timing).
 *
 * Documents mix: random CJK, mixed scripts (Latin, full-width, Cyrillic, Arabic, Hangul, kana),
 * lone surrogates, NUL and control characters, emoji sequences (ZWJ, flags, skin tones, variation
 * selectors), Markdown leads and region lines, runs of 、 and of closing marks and brackets, and real
 * news sentences from CLUENER train.json spliced with all of that.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { analyze, tag, type Analysis, type Span } from '../../src/core/index';
import { findSharedDir } from '../../scripts/sharedData';

type G = fc.GeneratorValue;

const unbiased = (min: number, max: number) => fc.noBias(fc.integer({ min, max }));
const int = (g: G, min: number, max: number): number => g(unbiased, min, max);
const pick = <T>(g: G, xs: readonly T[]): T => xs[int(g, 0, xs.length - 1)];

let sentences: string[] | undefined;
/** Real news sentences (CLUENER train.json), or a few built-in ones without the shared data. */
export function newsSentences(): string[] {
  if (sentences) return sentences;
  const dir = findSharedDir();
  const train = dir && `${dir}/data/cluener2020/train.json`;
  sentences =
    train && fs.existsSync(train)
      ? fs
          .readFileSync(train, 'utf8')
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => (JSON.parse(l) as { text: string }).text)
      : ['北京市委书记尹力来到朝阳区调研。', '上海市委副书记、市长龚正会见宁德时代董事长曾毓群。', '据新华社报道，广东省省长王伟中在深圳考察华为技术有限公司。'];
  return sentences;
}

const cjk = (g: G, n: number) => Array.from({ length: n }, () => String.fromCharCode(int(g, 0x4e00, 0x9fff))).join('');
const COMMON = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';
const commonChars = (g: G, n: number) => Array.from({ length: n }, () => COMMON[int(g, 0, COMMON.length - 1)]).join('');

const SCRIPTS = ['Hello World', 'CATL', 'iPhone 15 Pro', '１２３４５', 'ＡＢＣ', 'Москва', 'القاهرة', '서울특별시', 'とうきょう', 'カタカナ', 'Ünïcödé', '3.14%', '2024年5月6日', '5月6日下午', 'https://example.com/a?b=1', 'user@example.com', '#tag', '$100'];
const EMOJI = ['😀', '👨‍👩‍👧‍👦', '🇨🇳', '🇺🇸', '👍🏽', '❤️', '☺︎', '🏳️‍🌈', '👩🏻‍💻', '\u{1F600}\u200d', '\u20e3', '𠀀', '𪚥', '𰻞'];
const MARKDOWN = ['\n## 北京\n', '\n**上海：**', '【广州】', '\n北京：', '\n> ', '\n- ', '\n1. ', '\n```\n', '\n---\n', '\n# 标题\n', '\n**重庆：**\n', '\n### 朝阳区\n', '（记者 王小明）', '来源：新华社', '编辑：李四', '\n\n'];
const PUNCT = ['、', '，', '。', '！', '？', '；', '：', '（', '）', '「', '」', '“', '”', '《', '》', '【', '】', '…', '—', '·', ' ', '\u3000', '\t', '\r', '\r\n', '\n'];
const CLOSERS = ['）', '」', '”'];
const NAMES = ['尹力', '殷勇', '陈吉宁', '曾毓群', '宁德时代', '华为技术有限公司', '北京市委书记', '市长', '北京', '朝阳区', '国务院'];

/** One piece of a document. */
function piece(g: G): string {
  const k = int(g, 0, 99);
  if (k < 30) {
    // a real sentence, sometimes with noise spliced in
    let s = pick(g, newsSentences());
    if (int(g, 0, 2) === 0) {
      const at = int(g, 0, s.length);
      s = s.slice(0, at) + piece(g) + s.slice(at);
    }
    return s;
  }
  if (k < 40) return cjk(g, int(g, 1, 40));
  if (k < 50) return commonChars(g, int(g, 1, 60));
  if (k < 56) return pick(g, SCRIPTS);
  if (k < 61) return pick(g, EMOJI);
  if (k < 64) return String.fromCharCode(int(g, 0xd800, 0xdfff)); // a lone surrogate
  if (k < 66) return String.fromCharCode(int(g, 0, 31)); // NUL and control characters
  if (k < 74) return pick(g, MARKDOWN);
  if (k < 84) return pick(g, PUNCT);
  if (k < 87) return pick(g, ['、', '，', '（', '【', '《']).repeat(int(g, 2, 300)); // runs
  if (k < 90) return pick(g, ['。', '！', '？']) + Array.from({ length: int(g, 1, 400) }, () => pick(g, CLOSERS)).join('');
  if (k < 94) return pick(g, NAMES).repeat(int(g, 2, 30));
  if (k < 97) return Array.from({ length: int(g, 2, 30) }, () => pick(g, NAMES)).join(pick(g, ['、', '，', '和', '']));
  return pick(g, ['\uFEFF', '\u200b', '\u2028', '\u2029', '\uFFFD', '\uFFFF', '\u0085']);
}

/** A generated document: up to `maxPieces` pieces. */
export function documentOf(g: G, maxPieces = 40): string {
  const n = int(g, 1, maxPieces);
  let s = '';
  for (let i = 0; i < n; i++) s += piece(g);
  return s;
}

const highAt = (t: string, i: number) => i > 0 && i < t.length && /[\ud800-\udbff]/.test(t[i - 1]) && /[\udc00-\udfff]/.test(t[i]);

/** Offsets that are in bounds, on their text, ordered, and never inside a surrogate pair. */
function checkSpans(text: string, spans: { start: number; end: number; text: string }[], what: string, overlap: boolean): void {
  let last = -1;
  let lastEnd = 0;
  for (const s of spans) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end > s.start && s.end <= text.length, `${what}: ${s.start}-${s.end} out of bounds (${text.length})`);
    assert.equal(s.text, text.slice(s.start, s.end), `${what}: text of ${s.start}-${s.end}`);
    assert.ok(s.start >= last, `${what}: not sorted at ${s.start}`);
    if (!overlap) assert.ok(s.start >= lastEnd, `${what}: ${s.start}-${s.end} overlaps the span before (ending ${lastEnd})`);
    assert.ok(!highAt(text, s.start) && !highAt(text, s.end), `${what}: ${s.start}-${s.end} splits a surrogate pair`);
    last = s.start;
    lastEnd = Math.max(lastEnd, s.end);
  }
}

/** Every invariant of analyze()'s result. */
export function checkAnalysis(text: string, a: Analysis): void {
  assert.equal(typeof a.length, 'number');
  assert.ok(a.length <= text.length);
  const limit = a.length;
  checkSpans(text, a.mentions, 'mentions', false);
  for (const m of a.mentions) assert.ok(m.end <= limit, `mention past the analysed length`);
  const ids = new Set(a.entities.map((e) => e.id));
  assert.equal(ids.size, a.entities.length, 'entity ids are unique');
  for (const m of a.mentions) assert.ok(ids.has(m.entityId), `mention of unknown entity ${m.entityId}`);
  const mentionSet = new Set(a.mentions);
  for (const e of a.entities) {
    assert.ok(e.mentions.length > 0, `entity ${e.id} without mentions`);
    for (const m of e.mentions) assert.ok(mentionSet.has(m) && m.entityId === e.id, `entity ${e.id} lists a mention that is not its own`);
  }
  const regionIds = new Set(a.regions.map((r) => r.id));
  for (const r of a.regions) {
    assert.ok(r.headingStart >= 0 && r.headingStart <= r.headingEnd && r.headingEnd <= limit, `region ${r.id} heading ${r.headingStart}-${r.headingEnd}`);
    assert.ok(r.start >= 0 && r.start <= r.end && r.end <= limit, `region ${r.id} ${r.start}-${r.end}`);
    for (const id of r.entityIds) assert.ok(ids.has(id), `region ${r.id} lists unknown ${id}`);
  }
  for (const m of a.mentions) if (m.regionId !== undefined) assert.ok(regionIds.has(m.regionId), `mention in unknown region ${m.regionId}`);
  let prev = 0;
  for (const s of a.sentences) {
    assert.ok(s.start >= prev && s.end >= s.start && s.end <= limit, `sentence ${s.start}-${s.end}`);
    prev = s.start;
  }
  for (const r of a.relations) {
    assert.ok(ids.has(r.from) && ids.has(r.to), `relation ${r.kind} ${r.from} -> ${r.to}`);
    for (const i of r.sentences) assert.ok(Number.isInteger(i) && i >= 0 && i < a.sentences.length, `relation sentence ${i}`);
  }
  assert.ok(Array.isArray(a.warnings) && a.warnings.every((w) => typeof w === 'string'));
}

export function checkTag(text: string, spans: Span[]): void {
  checkSpans(text, spans, 'tag', false);
  for (const s of spans) assert.ok(['person', 'title', 'company', 'government', 'organization', 'place', 'date'].includes(s.type), `tag type ${s.type}`);
}

const plain = (spans: Span[]) => spans.map((s) => [s.type, s.start, s.end, s.text]);

/** The canaries: what a fresh process says about them; re-tagged between documents. */
export class Canary {
  private readonly texts: string[];
  private readonly want: string[];
  constructor(texts?: string[]) {
    this.texts = texts ?? [
      '北京市委书记尹力来到朝阳区调研，会见了宁德时代董事长曾毓群。',
      ',政长',
      newsSentences().slice(0, 40).join('\n'),
    ];
    this.want = this.texts.map((t) => JSON.stringify(plain(tag(t))));
  }
  private calls = 0;
  /**
   * Throws when a canary's result differs from the first one (state left behind by an earlier
   * document): the short canaries after every document, the long one (40 sentences) after every 20th.
   */
  check(after: string): void {
    const all = this.calls++ % 20 === 0;
    this.texts.forEach((t, i) => {
      if (!all && t.length > 200) return;
      assert.equal(JSON.stringify(plain(tag(t))), this.want[i], `canary ${i} changed after a document of ${after.length} chars: ${JSON.stringify(after.slice(0, 200))}`);
    });
  }
}

export interface DocumentResult {
  chars: number;
  tagMs: number;
  analyzeMs: number;
}

/**
 * Every invariant on one document: tag() and analyze() never throw, their spans hold, repeated runs
 * agree (when `deterministic`), and the canary is unchanged afterwards.
 */
export function checkDocument(text: string, canary: Canary, opts: { deterministic: boolean }): DocumentResult {
  const t0 = performance.now();
  const spans = tag(text);
  const t1 = performance.now();
  const a = analyze(text);
  const t2 = performance.now();
  checkTag(text, spans);
  checkAnalysis(text, a);
  if (opts.deterministic) {
    assert.deepEqual(plain(tag(text)), plain(spans), 'tag() gave another result on the same text');
    assert.equal(JSON.stringify(analyze(text)), JSON.stringify(a), 'analyze() gave another result on the same text');
  }
  canary.check(text);
  return { chars: text.length, tagMs: t1 - t0, analyzeMs: t2 - t1 };
}
