import { strict as assert } from 'node:assert';
import { stageCountryAbbr } from '../../../../src/core/rules/countryAbbr';
import { runStages } from './runStage';

const placesOf = (text: string) => runStages(text, stageCountryAbbr).map((s) => `${s.text}→${s.place?.name}`);

describe('rules/countryAbbr', () => {
  it('a pair before 两国, and one abbreviation after 访', () => {
    assert.deepEqual(placesOf('中美两国关系，总统访华。'), ['中→中国', '美→美国', '华→中国']);
  });
  it('澳 beside 港 is 澳门', () => {
    assert.deepEqual(placesOf('港澳同胞'), ['港→香港', '澳→澳门']);
  });
  it('words formed with the abbreviation are no places (美好, 法律)', () => {
    assert.deepEqual(placesOf('生活美好，法律严明。'), []);
  });
});
