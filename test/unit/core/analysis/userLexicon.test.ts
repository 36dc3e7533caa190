import { strict as assert } from 'node:assert';
import { applyUserLexicon } from '../../../../src/core/analysis/userLexicon';
import { recognizeRich } from '../../../../src/core/recognize';

describe('analysis/userLexicon', () => {
  const text = '宁德时代与星辰科技签约。';
  it("the user's entries win: a new span, and none drops a span", () => {
    const spans = applyUserLexicon(text, recognizeRich(text), {
      userLexicon: { entries: [{ text: '星辰科技', type: 'company' }, { text: '宁德时代', type: 'none' }] },
    });
    const got = spans.map((s) => `${s.type}:${s.text}`);
    assert.ok(got.includes('company:星辰科技'), got.join(' '));
    assert.ok(!got.includes('company:宁德时代'), got.join(' '));
  });
  it('no entries: the spans as they were', () => {
    const spans = recognizeRich(text);
    assert.equal(applyUserLexicon(text, spans, undefined), spans);
  });
});
