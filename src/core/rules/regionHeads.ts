/**
 * Stage: a region's party committee, government, congress or consultative conference written as
 * one word with the region (北京市委, 广东省政府, 朝阳区人大常委会): a government body. Runs after the
 * title chains, which take 北京市委 in 北京市委书记 apart into a body and a post themselves.
 */
import { GOV_REGION_HEADS } from '../lexicon/words';
import { add, free, type Ctx } from './context';
import { regionEndingAt } from './placeNames';
import { WordScanner } from './scan';

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
