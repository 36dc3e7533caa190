import { strict as assert } from 'node:assert';
import { stageTitles } from '../../../../src/core/rules/titles';
import { found, runStages } from './runStage';

describe('rules/titles', () => {
  it('a chain with its region before a name: body, title, official', () => {
    const spans = runStages('北京市委书记尹力来到朝阳区调研。', stageTitles);
    assert.deepEqual(spans.map((s) => `${s.type}:${s.text}`), ['government:北京市委', 'title:书记', 'person:尹力']);
    const person = spans[2];
    assert.equal(person.role, 'official');
    assert.equal(person.chain?.inText, '北京市委书记');
    assert.equal(person.chain?.region, '北京');
  });
  it('units joined by 、 share the name', () => {
    assert.deepEqual(found('市委副书记、市长殷勇一同调研。', stageTitles), ['title:市委副书记', 'title:市长', 'person:殷勇']);
  });
  it('a business post makes a business person', () => {
    const person = runStages('董事长曾毓群出席。', stageTitles).find((s) => s.type === 'person');
    assert.equal(person?.text, '曾毓群');
    assert.equal(person?.role, 'business');
  });
  it('a core inside an ordinary word starts no chain', () => {
    assert.deepEqual(found('这是一本教科书记录的故事', stageTitles), []);
  });
});
