/**
 * Stage: titles written after the name, in formal text (江泽民主席, 李鹏总理, 克林顿总统, 江主席,
 * 以江泽民同志为核心): the name before the title is a person, the title a title. Runs after the
 * title chains, so 国家主席江泽民 is read as a chain first.
 */
import type { PersonRole } from '../types';
import { POST_NAME_TITLES } from '../lexicon/words';
import type { Ctx } from './context';
import * as contextModule from './context';
import * as namesModule from './names';
import * as rolesModule from './roles';
import * as scanModule from './scan';
import * as functionWordsModule from '../lexicon/functionWords';
import type { TitleChain } from './types';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { add, free } = contextModule;
const { boundaryAfter, LEADER_TITLES, nameBefore } = namesModule;
const { BUSINESS_CORES, OTHER_CORES } = rolesModule;
const { WordScanner } = scanModule;
const { functionWordEnd } = functionWordsModule;

/** Titles after a name in formal text: 江泽民主席, 李鹏总理. */
const POST_NAME_WORDS = new WordScanner(() => POST_NAME_TITLES);
/** Characters after a leader's title that make a longer word of it (主席团, 主席台, 总统府). */
export const LEADER_WORD_ON = '团台令制级府位选';

export function stagePostNameTitles(ctx: Ctx): void {
  POST_NAME_WORDS.scan(ctx, (a, b) => {
    const word = ctx.s.slice(a, b);
    if (!free(ctx, a, b)) return;
    if (word === '同志') {
      // 以江泽民同志为核心: a full name before 同志 is a person; 同志 itself is no post
      if (!boundaryAfter(ctx, b)) return;
      const nb = nameBefore(ctx, a);
      if (nb !== undefined && a - nb >= 2) add(ctx, { type: 'person', start: nb, end: a, priority: 100, source: 'rule', role: 'official' });
      return;
    }
    // leader titles end a name phrase unless a longer word goes on (主席团, 主席台, 总统府)
    const leader = LEADER_TITLES.has(word) && b < ctx.n && !LEADER_WORD_ON.includes(ctx.s[b]);
    if (!leader && !boundaryAfter(ctx, b)) return;
    // a deputy's post (欧阳莉副董事长, 刘立新副市长): 副 belongs to the post, never to the name
    const ta = a > 0 && ctx.s[a - 1] === '副' && free(ctx, a - 1, a) && ctx.lx.titleCores.getIn(ctx.s, a - 1, b) !== undefined ? a - 1 : a;
    const post = ctx.s.slice(ta, b);
    const nb = nameBefore(ctx, ta, word);
    if (nb === undefined) return;
    // a preposition or another word a surname starts is no name (关于副总裁辞职的公告: 关于)
    if (functionWordEnd(ctx.s, nb, ta) === ta) return;
    const chain: TitleChain = { inText: post, start: ta, end: b, units: [{ start: ta, end: b, text: post, core: post, hasRegionalPrefix: false }] };
    const role: PersonRole = BUSINESS_CORES.has(word) ? 'business' : OTHER_CORES.has(word) ? 'other' : 'official';
    add(ctx, { type: 'person', start: nb, end: ta, priority: 100, source: 'rule', role, chain });
    add(ctx, { type: 'title', start: ta, end: b, priority: 95, source: 'rule', chain });
  });
}
