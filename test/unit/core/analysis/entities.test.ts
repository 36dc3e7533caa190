import { strict as assert } from 'node:assert';
import { buildEntities } from '../../../../src/core/analysis/entities';
import { findRegions } from '../../../../src/core/analysis/sections';
import { splitSentences } from '../../../../src/core/analysis/sentences';
import { normalizeForMatching } from '../../../../src/core/normalize';
import { recognizeRich } from '../../../../src/core/recognize';
import { analyze } from '../../../../src/core';

function entitiesOf(text: string) {
  const normalized = normalizeForMatching(text);
  return buildEntities({ text, normalized, spans: recognizeRich(text), regions: findRegions(text, normalized), sentences: splitSentences(text) });
}

describe('analysis/entities', () => {
  it('a legal name and its short form are one company, named by the legal name', () => {
    const { entities, mentions } = entitiesOf('华为技术有限公司（以下简称“华为”）发布新品。华为表示将扩产。');
    const company = entities.filter((e) => e.type === 'company');
    assert.deepEqual(company.map((e) => e.name), ['华为技术有限公司']);
    assert.deepEqual(company[0].aliases, ['华为']);
    assert.equal(mentions.filter((m) => m.entityId === company[0].id).length, 3);
  });
  it('traditional and simplified forms of a name are one entity', () => {
    const { entities } = entitiesOf('市委書記尹力主持會議。市委书记尹力讲话。');
    assert.equal(entities.filter((e) => e.type === 'person').length, 1);
  });
  it('an official in a region section holds office there', () => {
    const { entities } = entitiesOf('**广州：**\n市委副书记、市长孙志洋主持会议。');
    const p = entities.find((e) => e.name === '孙志洋');
    assert.equal(p?.role, 'official');
    assert.equal(p?.region, '广州');
    assert.equal(p?.titles[0].full, '广州市委副书记、广州市市长');
  });
  it("a bare post (周立平主席) does not make an official of a company's chairman, in either order", () => {
    for (const text of ['与周立平主席共话合作。受到远方集团董事局主席周立平的欢迎。', '远方集团董事长周立平出席。周立平主席表示欢迎。']) {
      const e = analyze(text).entities.find((x) => x.name === '周立平');
      assert.equal(e?.role, 'business', text);
    }
    // a regional post still makes an official
    const o = analyze('远方集团董事长周立平出席。省政协副主席周立平表示欢迎。').entities.find((x) => x.name === '周立平');
    assert.equal(o?.role, 'official');
  });
});

