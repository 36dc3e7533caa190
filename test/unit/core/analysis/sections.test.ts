import { strict as assert } from 'node:assert';
import { findRegions } from '../../../../src/core/analysis/sections';
import { normalizeForMatching } from '../../../../src/core/normalize';

describe('analysis/sections', () => {
  const text = '导语。\n\n**北京：**\n尹力调研。\n\n【广州】\n会议召开。\n\n## 重庆\n正文';
  it('markers open sections; the text before the first is the lead', () => {
    const regions = findRegions(text);
    assert.deepEqual(regions.map((r) => r.name), ['北京', '广州', '重庆']);
    assert.equal(regions[0].start, text.indexOf('**北京'));
    assert.equal(regions[0].end, text.indexOf('【广州】'));
    assert.equal(regions[2].end, text.length);
  });
  it('a traditional marker names the same region, read from the normalised copy or normalised itself', () => {
    const trad = '**廣州：**\n市長主持會議。';
    assert.deepEqual(findRegions(trad).map((r) => r.name), ['广州']);
    assert.deepEqual(findRegions(trad, normalizeForMatching(trad)), findRegions(trad));
  });
  it('a lead line that names no place opens no section', () => {
    assert.deepEqual(findRegions('**编者按：**\n正文'), []);
  });
});
