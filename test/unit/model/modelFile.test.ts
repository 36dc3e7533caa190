import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { locateModelFile } from '../../../src/core/model';
import { LEX_MAX_LEN, Lexicon, buildNormTable, packLexicon } from '../../../src/core/model/features';
import { PACK_MAX, layStyles } from '../../../src/core/model/finish';
import { RuntimeModel, deserialize, serialize } from '../../../src/core/model/perceptron';
import { Vocab } from '../../../src/core/model/features';

/** Every class mask found at every (start, end) by a scan of text with this lexicon. */
function matches(lex: Lexicon, norm: Uint16Array, text: string): string {
  const n = text.length;
  const codes = Uint16Array.from(text, (c) => norm[c.charCodeAt(0)]);
  const N = 20;
  const beg = new Uint8Array(n * N), end = new Uint8Array(n * N), mid = new Uint8Array(n * N);
  const begM = new Int32Array(n), endM = new Int32Array(n), midM = new Int32Array(n);
  lex.scan(codes, n, beg, end, mid, begM, endM, midM);
  return JSON.stringify([[...beg], [...end], [...begM], [...endM], [...midM]]);
}

describe('model file (format 5)', () => {
  const file = locateModelFile()!;
  const bytes = fs.readFileSync(file);

  it('the shipped file is format 5, at most 4 MB, and written again byte for byte', () => {
    assert.ok(bytes.length <= 4 * 1024 * 1024, `${bytes.length} bytes`);
    const m = deserialize(bytes);
    assert.equal(m.header.version, 5);
    assert.ok(m.styles.length >= 1);
    assert.ok(Buffer.from(serialize(m)).equals(bytes), 'serialize(deserialize(file)) is the file');
  });

  it('a wrong magic, an older format or a cut file is a clear error, never a crash later', () => {
    assert.throws(() => deserialize(Buffer.from('not a model at all')), /not a news-lens model file/);
    const older = Buffer.from(bytes);
    older.write('NLNER2\n', 0, 'latin1');
    assert.throws(() => deserialize(older), /not a news-lens model file \(or an older format/);
    for (const keep of [0.5, 0.9, 0.999]) assert.throws(() => deserialize(bytes.subarray(0, Math.floor(bytes.length * keep))), /truncated model file/);
  });

  it('finished weights: int8 with the wider ones listed apart, the second style as a difference, laid out alike for both decoders', () => {
    const m = deserialize(bytes);
    const voc = new Vocab(m.chars, m.biKeys, m.triKeys, m.skipKeys);
    assert.equal(Vocab.rowsFor(m.chars.length, m.biKeys.length / 2, m.triKeys.length / 3, m.skipKeys.length / 2), voc.nRows);
    m.styles.forEach((s, i) => {
      assert.equal(s.delta, i > 0);
      assert.ok(s.bigIdx.length < s.q8.length / 50, 'nearly every weight fits in a byte');
      for (let k = 0; k < s.bigIdx.length; k++) {
        assert.equal(s.q8[s.bigIdx[k]], 0);
        assert.ok(Math.abs(s.bigVal[k]) > 127);
        if (k) assert.ok(s.bigIdx[k] > s.bigIdx[k - 1], 'ascending');
      }
    });
    // the kernel's 14-lane rows hold the JavaScript decoder's 13-lane rows, and a zero lane
    const rows = m.styles[0].q8.length / 13;
    const a = m.styles.map(() => new Int16Array(rows * 13));
    layStyles(m.styles, voc, 13, a, 13);
    const b = m.styles.map(() => new Int16Array(rows * 14));
    layStyles(m.styles, voc, 13, b, 14);
    for (let i = 0; i < m.styles.length; i++) {
      for (let r = 0; r < rows; r += 97) {
        assert.deepEqual([...b[i].subarray(r * 14, r * 14 + 13)], [...a[i].subarray(r * 13, r * 13 + 13)], `style ${i} row ${r}`);
        assert.equal(b[i][r * 14 + 13], 0);
      }
      // within the bound the JavaScript decoder's packed lanes rely on (a folded row: twice)
      for (const x of a[i]) assert.ok(Math.abs(x) <= 2 * PACK_MAX);
    }
  });

  it('a model loaded from the file labels as one built from the same parts in memory', () => {
    const m = deserialize(bytes);
    const a = new RuntimeModel(m);
    const b = new RuntimeModel(deserialize(serialize(m)));
    for (const t of ['国务院总理李强今天在北京会见了华为公司董事长任正非。', '香港特區行政長官李家超出席典禮', '１９９８年江泽民主席在人民大会堂会见克林顿']) {
      assert.deepEqual(a.predict(t), b.predict(t), t);
    }
  });
});

describe('packed gazetteer (packLexicon, Lexicon.fromPacked)', () => {
  // 國 → 国, 務 → 务, 會 → 会, 議 → 议
  const { norm } = buildNormTable([0x570b, 0x56fd, 0x52d9, 0x52a1, 0x6703, 0x4f1a, 0x8b70, 0x8bae]);
  const words: [string, number][] = [
    ['国务院', 1], ['国务', 2], ['国', 4], ['國務院', 8], // a traditional spelling of the same word: classes merge
    ['人民大会堂', 16], ['人民', 32], ['人民大会', 64], ['会议', 128], ['會議', 1], ['议', 2],
    ['x'.repeat(LEX_MAX_LEN + 1), 4], // too long: dropped
    ['空', 0], // no class: dropped
    ['', 8],
    ['国务院办公厅', 256], ['国务院办公', 512], ['A股', 1024], ['ａ股', 2048],
  ];

  it('is sorted, merged and front-coded', () => {
    const p = packLexicon(words, norm);
    const out: [string, number][] = [];
    let prev = '';
    let at = 0;
    for (let i = 0; i < p.bits.length; i++) {
      const w = prev.slice(0, p.shared[i]) + String.fromCharCode(...p.codes.subarray(at, at + p.len[i]));
      at += p.len[i];
      out.push([w, p.bits[i]]);
      prev = w;
    }
    assert.equal(at, p.codes.length);
    const keys = out.map(([w]) => w);
    assert.deepEqual(keys, [...keys].sort(), 'sorted by code unit');
    assert.equal(new Set(keys).size, keys.length, 'no duplicates');
    assert.deepEqual(Object.fromEntries(out), {
      国: 4, 国务: 2, 国务院: 1 | 8, 国务院办公: 512, 国务院办公厅: 256, 人民: 32, 人民大会: 64, 人民大会堂: 16,
      会议: 128 | 1, 议: 2, a股: 1024 | 2048,
    });
  });

  it('finds exactly the words a naive search of the text finds', () => {
    const lex = Lexicon.fromPacked(packLexicon(words, norm));
    // every (start, last character, class) at which a kept word occurs, recorded as scan() does
    const naive = (text: string): string => {
      const n = text.length, N = 20;
      const codes = String.fromCharCode(...Array.from(text, (c) => norm[c.charCodeAt(0)]));
      const merged = new Map<string, number>();
      for (const [w, bits] of words) {
        if (w.length === 0 || w.length > LEX_MAX_LEN || bits === 0) continue;
        const k = String.fromCharCode(...Array.from(w, (c) => norm[c.charCodeAt(0)]));
        merged.set(k, (merged.get(k) ?? 0) | bits);
      }
      const beg = new Uint8Array(n * N), end = new Uint8Array(n * N);
      const begM = new Int32Array(n), endM = new Int32Array(n), midM = new Int32Array(n);
      for (let s = 0; s < n; s++) {
        for (const [w, bits] of merged) {
          if (!codes.startsWith(w, s)) continue;
          const e = s + w.length - 1;
          for (let b = 0; b < N; b++) {
            if (!(bits & (1 << b))) continue;
            beg[s * N + b] = Math.max(beg[s * N + b], w.length);
            end[e * N + b] = Math.max(end[e * N + b], w.length);
            for (let m = s + 1; m < e; m++) midM[m] |= 1 << b;
          }
          begM[s] |= bits;
          endM[e] |= bits;
        }
      }
      return JSON.stringify([[...beg], [...end], [...begM], [...endM], [...midM]]);
    };
    for (const text of ['國務院办公厅召开會議', '人民大会堂里的人民大会议', 'Ａ股和a股', '国国国务院办公厅厅', '', '议']) {
      assert.equal(matches(lex, norm, text), naive(text), text);
    }
  });
});
