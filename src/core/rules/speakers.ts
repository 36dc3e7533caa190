/**
 * Stage: people by what they do in the sentence: a name before a verb of speech (李强指出, 王小明说),
 * and the author of a leader's doctrine (邓小平理论, 毛泽东思想). Near the end, with a low priority:
 * the context is weaker evidence than a title.
 */
import * as charClassesModule from './charClasses';
import type { Ctx } from './context';
import * as contextModule from './context';
import * as namesModule from './names';
import * as scanModule from './scan';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { isBoundaryChar, isHan } = charClassesModule;
const { add, free } = contextModule;
const { NOT_NAME_SECOND, surnameLen } = namesModule;
const { WordScanner } = scanModule;

// no word is a prefix of another, so longest-first equals the former regex's alternation order
// (理论, 思想, 新时代: a leader's doctrine, scanned in the same list — see doctrineAuthor)
const SPEECH_WORDS = new WordScanner(() => ['说', '指出', '强调', '表示', '认为', '介绍', '透露', '坦言', '称', '诉称', '谈到', '提出', '回忆', '告诉', '理论', '思想', '新时代']);
const DOCTRINE_LEFT_RE = /(学习|贯彻|落实|坚持|高举|遵循|运用|指导|研究|宣传|以|用|和|与|及|是|的)$/;
/** 邓小平理论, 毛泽东思想, 习近平新时代中国特色社会主义思想: the author (a three-character name) is a person. */
function doctrineAuthor(ctx: Ctx, v: number, word: string): void {
  const { s } = ctx;
  if (word === '新时代' && !s.startsWith('新时代中国特色社会主义思想', v)) return;
  const a = v - 3;
  if (a < 0 || !free(ctx, a, v) || !ctx.lx.surnames.has(s.charCodeAt(a)) || NOT_NAME_SECOND.has(s.charCodeAt(a + 1))) return;
  for (let k = a; k < v; k++) if (!isHan(s.charCodeAt(k))) return;
  const before = a === 0 || isBoundaryChar(s[a - 1]) || ctx.taken[a - 1] === 1 || DOCTRINE_LEFT_RE.test(s.slice(Math.max(0, a - 2), a));
  if (!before) return;
  const w = s.slice(a, v);
  if (ctx.lx.places.has(w) || ctx.lx.companies.has(w)) return;
  add(ctx, { type: 'person', start: a, end: v, priority: 40, source: 'rule', role: 'other' });
}

export function stageSpeakers(ctx: Ctx): void {
  const { s } = ctx;
  SPEECH_WORDS.scan(ctx, (v, e) => {
    if (ctx.taken[v]) return;
    const c = s.charCodeAt(v);
    if ((c === 0x7406 || c === 0x601d || c === 0x65b0) && e - v >= 2) {
      doctrineAuthor(ctx, v, s.slice(v, e));
      return;
    }
    for (const L of [3, 2, 4]) {
      const a = v - L;
      if (a < 0 || !free(ctx, a, v)) continue;
      const sl = surnameLen(ctx, a);
      if (!sl || (L === 4 && sl !== 2)) continue;
      let ok = true;
      for (let k = a; k < v; k++) if (!isHan(s.charCodeAt(k))) ok = false;
      if (!ok) continue;
      if (NOT_NAME_SECOND.has(s.charCodeAt(a + sl))) continue;
      const before = a === 0 || isBoundaryChar(s[a - 1]) || ctx.taken[a - 1];
      if (!before) continue;
      const w = s.slice(a, v);
      if (ctx.lx.places.has(w) || ctx.lx.companies.has(w)) return;
      add(ctx, { type: 'person', start: a, end: v, priority: 40, source: 'rule', role: 'other' });
      return;
    }
  });
}
