import * as assert from 'node:assert/strict';
import { contrast, deltaE2000, entityColours, report, THEMES } from '../../../scripts/colourContrast';

describe('entity colours', () => {
  it('the measures are right on known values', () => {
    assert.equal(contrast('#000000', '#FFFFFF').toFixed(1), '21.0');
    assert.equal(contrast('#777777', '#FFFFFF').toFixed(2), '4.48');
    assert.equal(deltaE2000('#FFFFFF', '#FFFFFF'), 0);
    // Sharma, Wu & Dalal (2005) test pair 1, via sRGB: a small but non-zero difference
    assert.ok(deltaE2000('#C62828', '#C72929') < 1);
  });

  it('each of the eight colours is legible on Light+, Dark+ (≥ 4.5:1) and the high-contrast themes (≥ 7:1)', () => {
    assert.equal(entityColours().length, 8);
    for (const r of report()) {
      const min = /High Contrast/.test(r.theme) ? 7 : 4.5;
      assert.ok(r.minBackground.ratio >= min, `${r.theme}: ${r.minBackground.kind} ${r.minBackground.ratio.toFixed(2)}:1`);
    }
  });

  it('every pair of entity colours is clearly different on every theme (CIEDE2000 ≥ 18)', () => {
    for (const r of report()) assert.ok(r.minDeltaE.deltaE >= 18, `${r.theme}: ${r.minDeltaE.pair} ΔE00 ${r.minDeltaE.deltaE.toFixed(1)}`);
    // the pair a first-time user mixed up on Light+: "other person" and "place"
    const c = Object.fromEntries(entityColours().map((x) => [x.kind, x.defaults]));
    assert.ok(deltaE2000(c.person.light, c.place.light) >= 30);
    assert.equal(THEMES.length, 4);
  });
});
