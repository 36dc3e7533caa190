import { strict as assert } from 'node:assert';
import { stagePostNameTitles } from '../../../../src/core/rules/postNameTitles';
import { found, runStages } from './runStage';
import { recognizeRich } from '../../../../src/core/recognize';

describe('rules/postNameTitles', () => {
  it('the name before a title written after it', () => {
    const spans = runStages('江泽民主席出席了会议。', stagePostNameTitles);
    assert.deepEqual(spans.map((s) => `${s.type}:${s.text}`), ['person:江泽民', 'title:主席']);
    assert.equal(spans[0].role, 'official');
  });
  it('a preposition a surname starts is no name before a post (关于副总裁辞职的公告)', () => {
    assert.deepEqual(found('披露了关于副总裁辞职的公告。', stagePostNameTitles), []);
  });
  it('a surname alone before a leader title', () => {
    assert.deepEqual(found('热烈欢迎江主席', stagePostNameTitles), ['person:江', 'title:主席']);
  });
  it("a deputy's 副 is the post's, never the name's (欧阳莉副董事长, 刘立新副市长)", () => {
    assert.deepEqual(found('座谈会上，欧阳莉副董事长介绍了情况。', stagePostNameTitles), ['person:欧阳莉', 'title:副董事长']);
    const spans = runStages('董事长张成凯向刘立新副市长汇报。', stagePostNameTitles);
    assert.deepEqual(spans.map((s) => `${s.type}:${s.text}`), ['person:刘立新', 'title:副市长']);
    assert.equal(spans[0].role, 'official');
  });
  it("a general manager after the name, after the company's name, is a business person (中炬高新陈超强总经理)", () => {
    const spans = recognizeRich('中炬高新陈超强总经理出席。').filter((s) => s.type === 'person' || s.type === 'title');
    assert.deepEqual(spans.map((s) => `${s.type}:${s.text}:${s.role ?? ''}`), ['person:陈超强:business', 'title:总经理:']);
  });
  it('a longer word is no title after a name (主席团)', () => {
    assert.deepEqual(found('大会主席团成员', stagePostNameTitles), []);
  });
  it('a director after the name (余彪董事代表海螺水泥), and a chairman before the verb of 受…委托 (受郭文叁董事长委托)', () => {
    assert.deepEqual(found('余彪董事代表公司签约。', stagePostNameTitles), ['person:余彪', 'title:董事']);
    assert.deepEqual(found('受郭文叁董事长委托，王五出席。', stagePostNameTitles), ['person:郭文叁', 'title:董事长']);
    assert.deepEqual(found('公司董事会决定。', stagePostNameTitles), []);
  });
  it('a name after any verb of two characters (听取王明书记的汇报), but a post is never a name (执行董事及独立非执行董事: no 董事及)', () => {
    assert.deepEqual(found('会议听取王明书记的汇报。', stagePostNameTitles), ['person:王明', 'title:书记']);
    assert.ok(!recognizeRich('早前公布其执行董事及独立非执行董事退任。').some((x) => x.type === 'person'));
  });
});
