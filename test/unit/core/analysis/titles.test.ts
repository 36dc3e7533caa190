import { strict as assert } from 'node:assert';
import { ArticleRegion, titleInfo } from '../../../../src/core/analysis/titles';
import { normalizeForMatching } from '../../../../src/core/normalize';
import { recognizeRich } from '../../../../src/core/recognize';

describe('analysis/titles', () => {
  it('spells out the region of each unit of a chain', () => {
    const text = '市委副书记、市长殷勇一同调研。';
    const chain = recognizeRich(text).find((s) => s.type === 'person')!.chain!;
    const ti = titleInfo(chain, '北京', undefined, text);
    assert.equal(ti.inText, '市委副书记、市长');
    assert.equal(ti.full, '北京市委副书记、北京市市长');
    assert.equal(ti.region, '北京');
  });
  it('reads traditional units from the normalised copy as the simplified ones', () => {
    const text = '市委副書記、市長殷勇一同調研。';
    const chain = recognizeRich(text).find((s) => s.type === 'person')!.chain!;
    assert.equal(titleInfo(chain, '北京', undefined, text, normalizeForMatching(text)).full, '北京市委副書記、北京市市長');
  });
  it("a province post without a region takes the article's leading province", () => {
    const text = '湖南省长沙市、湖南株洲市：省长毛伟明调研。';
    const spans = recognizeRich(text);
    const chain = spans.find((s) => s.type === 'person' && s.text === '毛伟明')!.chain!;
    assert.equal(new ArticleRegion(spans, normalizeForMatching(text)).of(chain), '湖南');
  });
});
