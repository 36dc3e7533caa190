import { strict as assert } from 'node:assert';
import { buildEntities } from '../../../../src/core/analysis/entities';
import { findRegions } from '../../../../src/core/analysis/sections';
import { splitSentences } from '../../../../src/core/analysis/sentences';
import { normalizeForMatching } from '../../../../src/core/normalize';
import { recognizeRich } from '../../../../src/core/recognize';

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
});
