import { strict as assert } from 'node:assert';
import { stageCompanyLexicon } from '../../../../src/core/rules/companyLexicon';
import { found } from './runStage';
import { tag } from '../../../../src/core';
import { recognize, recognizeRich } from '../../../../src/core/recognize';

describe('rules/companyLexicon', () => {
  it('known short names from the lexicon', () => {
    assert.deepEqual(found('宁德时代发布财报，比亚迪也发布了。', stageCompanyLexicon), ['company:宁德时代', 'company:比亚迪']);
  });
  it("a listed name that is a place and a word of policy (湖南发展) is the firm only where a firm's word follows; the model's reading too, and a province's merchants (湘商) are no firm", () => {
    assert.deepEqual(found('推动湖南发展和湘商兴业同频共振。', stageCompanyLexicon), []);
    assert.deepEqual(found('湖南发展董事长出席，海南发展公告称', stageCompanyLexicon), ['company:湖南发展', 'company:海南发展']);
    const firms = tag('推动湖南发展和湘商兴业同频共振，广大湘商踊跃参与。').filter((x) => x.type === 'company').map((x) => x.text);
    assert.ok(!firms.includes('湖南发展') && !firms.includes('湘商'), firms.join());
  });
  it('a known name in a list the text says is of firms (…、海螺水泥等企业) stands against the model (priority 85); one outside such a list does not', () => {
    const firm = (t: string) => recognizeRich(t).find((x) => x.type === 'company' && x.text === '海螺水泥');
    assert.equal(firm('率队先后赴星河集团、青禾环保、海螺水泥等企业开展走访慰问。')?.priority, 85);
    assert.equal(firm('海螺水泥发布公告。')?.priority, 70);
    assert.ok(recognize('1月14日上午,区委书记姜颖率队先后赴绿地集团、富林环保、安徽矿机、海螺水泥等企业开展春节走访慰问活动。').some((x) => x.type === 'company' && x.text === '海螺水泥'));
  });
  it("a firm's name that is a bureau's too, after a level's character (市招商局), is no firm", () => {
    assert.deepEqual(found('市招商局局长出席。', stageCompanyLexicon), []);
    assert.deepEqual(found('招商局董事长出席。', stageCompanyLexicon), ['company:招商局']);
  });
  it('a park or base named after a firm is no firm (潍柴动力工业园, 东北快递(电商)物流产业园)', () => {
    assert.deepEqual(found('考察了潍柴动力工业园。', stageCompanyLexicon), []);
    const firms = tag('考察了辽宁鸿文教育科技有限公司、东北快递(电商)物流产业园等企业。').filter((x) => x.type === 'company').map((x) => x.text);
    assert.deepEqual(firms, ['辽宁鸿文教育科技有限公司']);
  });
  it('a short name glued to 社 belongs to a news agency', () => {
    assert.deepEqual(found('据中通社报道', stageCompanyLexicon), []);
  });
  it('a short name that is the end of a title word or a given name after a surname is no company', () => {
    assert.deepEqual(found('公司董事长方加亮出席。', stageCompanyLexicon), []);
    assert.deepEqual(found('部长李小鹏会见客人。', stageCompanyLexicon), []);
    assert.deepEqual(found('蔚来、小鹏两家车企', stageCompanyLexicon), ['company:蔚来', 'company:小鹏']);
  });
});

describe('rules/companyLexicon: place names', () => {
  it('a short name that starts inside a city name is no company (海华 in 珠海华…)', () => {
    assert.ok(!found('他在珠海华景路散步', stageCompanyLexicon).includes('company:海华'));
    assert.deepEqual(found('海华发布公告', stageCompanyLexicon), ['company:海华']);
  });
  it("a short name glued to a paper's, a university's or a hospital's suffix is part of that name", () => {
    assert.deepEqual(found('据华西都市报报道，华西医院专家到场，华西股份发布公告。', stageCompanyLexicon), ['company:华西股份']);
  });
  it('a short name that is a given name before a post is no company (转达了奚正平董事长的问候)', () => {
    assert.deepEqual(found('并转达了奚正平董事长的问候。', stageCompanyLexicon), []);
  });
});

