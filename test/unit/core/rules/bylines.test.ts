import { strict as assert } from 'node:assert';
import { stageBylines } from '../../../../src/core/rules/bylines';
import { found, runStages } from './runStage';

describe('rules/bylines', () => {
  it('the name after a byline label is a person with the label as post', () => {
    const [sp] = runStages('编辑：常萌', stageBylines);
    assert.equal(`${sp.type}:${sp.text}`, 'person:常萌');
    assert.equal(sp.chain?.inText, '编辑');
  });
  it('the photographer of a bracketed photo credit, without 摄 (traditional too); a label alone is no name', () => {
    assert.deepEqual(found('论坛。（张浩维摄）', stageBylines), ['person:张浩维']);
    assert.deepEqual(found('市民游玩。(记者 李明 摄)\n会场（欧阳明摄影）', stageBylines), ['person:李明', 'person:欧阳明']);
    assert.deepEqual(found('论坛。（本报记者摄）', stageBylines), []);
  });
  it("an agency's bracketed dateline naming its reporter: the outlet, 记者 and the whole name before the place (（中央社記者曾筠庭台北10日電）)", () => {
    const spans = runStages('（中央社記者曾筠庭台北10日電）經濟部今天表示，', stageBylines);
    assert.deepEqual(spans.map((x) => `${x.type}:${x.text}`), ['organization:中央社', 'title:記者', 'person:曾筠庭']);
    assert.equal(spans[2].role, 'other');
    // (no place the lexicon knows after the name: nothing is guessed)
    assert.deepEqual(runStages('（中央社記者曾筠庭某某10日電）', stageBylines), []);
  });
  it('several names after one label', () => {
    assert.deepEqual(found('记者：李明、王小红', stageBylines), ['person:李明', 'person:王小红']);
  });
  it('the items of a source line are organizations', () => {
    assert.deepEqual(found('（来源：新华社、人民日报）', stageBylines), ['organization:新华社', 'organization:人民日报']);
  });
  it("a source's field ends at its bracket; a page's word for itself is no source", () => {
    assert.deepEqual(found('【编辑日期:2025-09-10】 【来源:石台县委宣传部】 【作者:】', stageBylines), ['government:石台县委宣传部']);
    assert.deepEqual(found('【来源：本站】 来源：网络', stageBylines), []);
    // …and a sentence's end ends the list; a builder named by its bureau is a company
    assert.deepEqual(found('来源:中交一公局。中铁一局第三分公司承建', stageBylines), ['company:中交一公局']);
  });
  it('a unit signing a byline is no person (作者:二公司)', () => {
    assert.deepEqual(found('作者:二公司   编辑:王明', stageBylines), ['person:王明']);
  });
  it('a label without a colon is no byline', () => {
    assert.deepEqual(found('编辑常萌今天说', stageBylines), []);
  });
  it('the next label on the line ends the names; labels and 佚名 are no names', () => {
    assert.deepEqual(found('作者：佚名 来源：青州市人民政府', stageBylines), ['government:青州市人民政府']);
    // a post between the label and the name is no name (作者:记者 郭峰)
    assert.deepEqual(found('作者:记者 郭峰 编辑: 王明', stageBylines), ['person:郭峰', 'person:王明']);
    assert.deepEqual(found('编辑：常萌 审核：李明 审签：王小红', stageBylines), ['person:常萌', 'person:李明', 'person:王小红']);
  });
});
