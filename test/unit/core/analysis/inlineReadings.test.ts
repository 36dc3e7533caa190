import { strict as assert } from 'node:assert';
import { analyze } from '../../../../src/core';
import { stripReadings, withoutReadings } from '../../../../src/core/analysis/inlineReadings';

/** A mirror's page: pronunciations printed after some characters. */
const MIRROR = '# 米脂縣龍鎮(zhèn)召開安全生產(chǎn)會議\n\n3月5日，龍鎮(zhèn)黨委書記鞏亮主持會議，鎮(zhèn)長杜海濤出席。縣(xiàn)國土資源局局長白亞東講話。\n';

describe('analysis/inlineReadings: a mirror\'s pronunciations inside the text', () => {
  it('are removed only where the page is such a mirror (several tone-marked readings), with a map back to the text', () => {
    const r = stripReadings(MIRROR)!;
    assert.ok(r);
    assert.equal(r.text, withoutReadings(MIRROR));
    assert.ok(!/\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)/.test(r.text));
    for (let i = 0; i < r.text.length; i++) assert.equal(MIRROR[r.toOriginal[i]], r.text[i]);
    assert.equal(r.toOriginal[r.text.length], MIRROR.length);
    // a lone bracketed word after a Chinese one is no mirror's reading
    assert.equal(stripReadings('华为发布了新的应用(app)，用户可以下载。'), undefined);
    assert.equal(stripReadings('没有括号的文本。'), undefined);
  });
  it("analyze() reads past them: posts and names whole, every offset on the text as written", () => {
    const a = analyze(MIRROR);
    const person = (n: string) => a.entities.find((e) => e.type === 'person' && e.name === n);
    assert.equal(person('杜海濤')?.role, 'official');
    let prevEnd = 0;
    for (const m of a.mentions) {
      assert.ok(m.start >= prevEnd && m.end > m.start && m.end <= MIRROR.length, JSON.stringify(m));
      assert.equal(m.text, MIRROR.slice(m.start, m.end));
      prevEnd = m.end;
    }
    for (const s of a.sentences) assert.ok(s.start >= 0 && s.end <= MIRROR.length && s.start <= s.end);
    assert.equal(a.length, MIRROR.length);
    // the same text without the readings gives the same entities
    const plain = analyze(withoutReadings(MIRROR));
    assert.deepEqual(a.entities.map((e) => `${e.type}:${e.name}`), plain.entities.map((e) => `${e.type}:${e.name}`));
  });
});
