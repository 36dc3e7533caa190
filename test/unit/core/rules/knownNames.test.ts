import { strict as assert } from 'node:assert';
import { stageKnownNames } from '../../../../src/core/rules/knownNames';
import { stageTitles } from '../../../../src/core/rules/titles';
import { found } from './runStage';

describe('rules/knownNames', () => {
  const text = '市委书记尹力主持会议。会后，尹力来到企业。';
  it('a later bare mention of a name found earlier', () => {
    assert.deepEqual(found(text, stageTitles), ['government:市委', 'title:书记', 'person:尹力']);
    assert.deepEqual(found(text, stageTitles, stageKnownNames), ['government:市委', 'title:书记', 'person:尹力', 'person:尹力']);
  });
  it('finds nothing when no name was found before it', () => {
    assert.deepEqual(found(text, stageKnownNames), []);
  });
});
