import { strict as assert } from 'node:assert';
import { stagePlaces } from '../../../../src/core/rules/places';
import { runStages } from './runStage';

const placesOf = (text: string) => runStages(text, stagePlaces).map((s) => `${s.text}→${s.place?.name}`);

describe('rules/places', () => {
  it('lexicon places and a province short form in a safe context', () => {
    assert.deepEqual(placesOf('来到朝阳区调研，在京发展。'), ['朝阳区→朝阳区', '京→北京']);
  });
  it("a foreign city's 市 and a country's formal name", () => {
    assert.deepEqual(placesOf('洛杉矶市和波兰共和国'), ['洛杉矶市→洛杉矶', '波兰共和国→波兰']);
  });
  it('a short form outside a safe context is no place', () => {
    assert.deepEqual(placesOf('京剧表演'), []);
  });
});
