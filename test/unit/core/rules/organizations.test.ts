import { strict as assert } from 'node:assert';
import { stageOrgs } from '../../../../src/core/rules/organizations';
import { found } from './runStage';

describe('rules/organizations', () => {
  it('a fixed name, and a suffix followed by a post of the body', () => {
    assert.deepEqual(found('北京大学和哈佛大学校长陆登庭。', stageOrgs), ['organization:北京大学', 'organization:哈佛大学']);
  });
  it('a delegation is named from where it comes', () => {
    assert.deepEqual(found('接受台湾中南部企业家精英团拜访', stageOrgs), ['organization:台湾中南部企业家精英团']);
  });
  it('a short suffix inside a longer word is no organization', () => {
    assert.deepEqual(found('这所大学生活', stageOrgs), []);
  });
});
