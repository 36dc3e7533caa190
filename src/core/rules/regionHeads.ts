/**
 * Stage: a region's party committee, government, congress or consultative conference written as
 * one word with the region (北京市委, 广东省政府, 朝阳区人大常委会): a government body. Runs after the
 * title chains, which take 北京市委 in 北京市委书记 apart into a body and a post themselves. Written
 * bare at a word's start (省委、省政府, 向市政协), the body of the region the reader knows.
 */
import { GOV_REGION_HEADS } from '../lexicon/words';
import { functionWordEnd } from '../lexicon/functionWords';
import type { Ctx } from './context';
import * as charClassesModule from './charClasses';
import * as contextModule from './context';
import * as placeNamesModule from './placeNames';
import * as scanModule from './scan';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { codeSet, isHan } = charClassesModule;
const { add, free } = contextModule;
const { regionEndingAt } = placeNamesModule;
const { WordScanner } = scanModule;

const GOV_REGION_HEAD_WORDS = new WordScanner(() => GOV_REGION_HEADS);
export function stageGovRegionHeads(ctx: Ctx): void {
  const { s, taken } = ctx;
  GOV_REGION_HEAD_WORDS.scan(ctx, (a, b) => {
    if (!free(ctx, a, b)) return;
    // (Taiwan's 县府 and 市府 for 县政府 and 市政府; 府 also ends a street's or a mansion's name: 市府路)
    if (s.charCodeAt(b - 1) === 0x5e9c && b - a === 2 && PLACE_AFTER_FU[s.charCodeAt(b)] === 1) return;
    // 北京市委 = 北京 + 市委; 广东省政府 = 广东 + 省政府; also 北京市 + 政府
    const r = regionEndingAt(ctx, a);
    if (r !== undefined) {
      // the party's name written before its committee is the committee's (中共黄石市委)
      const start = r >= 2 && s.startsWith('中共', r - 2) && free(ctx, r - 2, r) && /委$/.test(s.slice(a, b)) ? r - 2 : r;
      add(ctx, { type: 'government', start, end: b, priority: 75, source: 'rule' });
      return;
    }
    // written bare, the region the reader knows: 省委、省政府, 市政协 (a level, then the body)
    const start = LEVEL[s.charCodeAt(a)] === 1 ? a : a > 0 && LEVEL[s.charCodeAt(a - 1)] === 1 && !taken[a - 1] ? a - 1 : -1;
    if (start < 0 || b - start < 2) return;
    const prev = start > 0 ? s.charCodeAt(start - 1) : 0;
    // (after a verb of two characters or more, a bare body is its object: 召开省政府常务会议)
    const verbBefore = start >= 2 && functionWordEnd(s, start - 2, start) === start;
    if (start > 0 && isHan(prev) && !taken[start - 1] && WORD_BEFORE[prev] === 0 && !verbBefore) return; // 城市政府, 全省委员
    if (s.charCodeAt(b) === 0x5458) return; // 委员 (省委员会 is no 省委)
    add(ctx, { type: 'government', start, end: b, priority: 75, source: 'rule' });
  });
}

const LEVEL = codeSet('省市区县州');
const PLACE_AFTER_FU = codeSet('路街道巷弄广场大楼前后里邸');
/** Characters a body's name may follow directly: 、和与及 (省委和省政府), 向对在由经 (向省委汇报), 感谢 …. */
const WORD_BEFORE = codeSet('和与及同暨向对在由经于给受为谢请并');
