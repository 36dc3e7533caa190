/**
 * Stage: a region's party committee, government, congress or consultative conference written as
 * one word with the region (北京市委, 广东省政府, 朝阳区人大常委会): a government body. Runs after the
 * title chains, which take 北京市委 in 北京市委书记 apart into a body and a post themselves.
 */
import { GOV_REGION_HEADS } from '../lexicon/words';
import type { Ctx } from './context';
import * as contextModule from './context';
import * as placeNamesModule from './placeNames';
import * as scanModule from './scan';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { add, free } = contextModule;
const { regionEndingAt } = placeNamesModule;
const { WordScanner } = scanModule;

const GOV_REGION_HEAD_WORDS = new WordScanner(() => GOV_REGION_HEADS);
export function stageGovRegionHeads(ctx: Ctx): void {
  GOV_REGION_HEAD_WORDS.scan(ctx, (a, b) => {
    if (!free(ctx, a, b)) return;
    // 北京市委 = 北京 + 市委; 广东省政府 = 广东 + 省政府; also 北京市 + 政府
    const r = regionEndingAt(ctx, a);
    if (r === undefined) return;
    add(ctx, { type: 'government', start: r, end: b, priority: 75, source: 'rule' });
  });
}
