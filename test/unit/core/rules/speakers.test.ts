import { strict as assert } from 'node:assert';
import { stageSpeakers } from '../../../../src/core/rules/speakers';
import { found } from './runStage';

describe('rules/speakers', () => {
  it('a name before a verb of speech', () => {
    assert.deepEqual(found('李强指出，要坚持稳中求进。', stageSpeakers), ['person:李强']);
  });
  it("the author of a leader's doctrine", () => {
    assert.deepEqual(found('坚持邓小平理论', stageSpeakers), ['person:邓小平']);
  });
  it('a place before a verb is no speaker', () => {
    assert.deepEqual(found('，北京表示欢迎', stageSpeakers), []);
  });
});
