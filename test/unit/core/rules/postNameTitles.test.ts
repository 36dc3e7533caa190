import { strict as assert } from 'node:assert';
import { stagePostNameTitles } from '../../../../src/core/rules/postNameTitles';
import { found, runStages } from './runStage';

describe('rules/postNameTitles', () => {
  it('the name before a title written after it', () => {
    const spans = runStages('江泽民主席出席了会议。', stagePostNameTitles);
    assert.deepEqual(spans.map((s) => `${s.type}:${s.text}`), ['person:江泽民', 'title:主席']);
    assert.equal(spans[0].role, 'official');
  });
  it('a surname alone before a leader title', () => {
    assert.deepEqual(found('热烈欢迎江主席', stagePostNameTitles), ['person:江', 'title:主席']);
  });
  it('a longer word is no title after a name (主席团)', () => {
    assert.deepEqual(found('大会主席团成员', stagePostNameTitles), []);
  });
});
