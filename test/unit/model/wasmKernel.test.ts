import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadModelFile, locateModelFile } from '../../../src/core/model';
import { analyze } from '../../../src/core/index';
import { modelFaultCount } from '../../../src/core/model/faults';
import { loadDefaultModel } from '../../../src/core/model';
import { RuntimeModel, deserialize, segments } from '../../../src/core/model/perceptron';
import { Lexicon } from '../../../src/core/model/features';
import type { WasmDecoder } from '../../../src/core/model/wasm/kernel';
import { KERNEL_SOURCE_SHA256 } from '../../../src/core/model/wasm/kernelBinary';
import { findShared } from '../core/helpers';

const root = path.join(__dirname, '..', '..', '..');

/** A fresh runtime model; with NEWS_LENS_WASM=0 it decodes in JavaScript only. */
function runtime(wasm: boolean): RuntimeModel {
  const saved = process.env.NEWS_LENS_WASM;
  if (wasm) delete process.env.NEWS_LENS_WASM;
  else process.env.NEWS_LENS_WASM = '0';
  try {
    return new RuntimeModel(deserialize(fs.readFileSync(locateModelFile()!)));
  } finally {
    if (saved === undefined) delete process.env.NEWS_LENS_WASM;
    else process.env.NEWS_LENS_WASM = saved;
  }
}

/** Real news text: the repository's article fixtures and samples, and CLUENER sentences when present. */
function texts(): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    if (!fs.existsSync(d)) return;
    for (const f of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, f.name);
      if (f.isDirectory()) walk(p);
      else if (/\.(md|txt)$/.test(f.name)) out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(path.join(root, 'test', 'fixtures'));
  walk(path.join(root, 'samples'));
  const shared = findShared();
  const train = shared && path.join(shared, 'data', 'cluener2020', 'train.json');
  if (train && fs.existsSync(train)) {
    const lines = fs.readFileSync(train, 'utf8').split('\n').filter((l) => l.trim()).slice(0, 3000);
    const sentences = lines.map((l) => (JSON.parse(l) as { text: string }).text);
    // one long document (grows the kernel's memory past its initial size) and short ones
    out.push(sentences.join('\n'));
    for (let i = 0; i < 200; i++) out.push(sentences[i]);
  }
  // segmentation edges: line breaks of every kind, sentence ends with closing quotes, runaway text
  // cut at a comma or at 200 code units, a surrogate pair across the cut
  out.push(
    '',
    '。',
    '国务院总理李鹏今天在北京会见了美国客人',
    '𠀀𠀁记者王小明报道，上海市政府今天宣布',
    'x'.repeat(450),
    '李'.repeat(1000),
    '第一段：北京市市长陈吉宁。\r\n\r\n第二段！”上海的李强说？」杭州\r广州\n',
    '，'.repeat(300) + '张三在深圳',
    '甲'.repeat(199) + '𠀀' + '乙'.repeat(50) + '王五在成都',
    '北京'.repeat(60) + '，' + '上海'.repeat(80) + '，' + '腾讯公司'.repeat(30),
    // lone surrogates and NUL reach the kernel unchanged
    '张\ud800三在\udc00北京\u0000会见李四',
    // a sentence end followed by more closing marks than a segment holds (issue 13)
    '甲。' + '）'.repeat(300) + '\n,政长',
    '北京市市长陈吉宁说' + '甲'.repeat(150) + '！' + '”」）'.repeat(40) + '张三在深圳',
  );
  return out;
}

describe('model: WebAssembly decoder kernel', () => {
  it('kernelBinary.ts was compiled from the current kernel.as.ts', function () {
    this.timeout(60000);
    const src = fs.readFileSync(path.join(root, 'src', 'core', 'model', 'wasm', 'kernel.as.ts'));
    assert.equal(KERNEL_SOURCE_SHA256, createHash('sha256').update(src).digest('hex'), 'run npm run build:kernel');
    // and the build reproduces it byte for byte
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build-kernel.mjs'), '--check'], { cwd: root, stdio: 'pipe' });
  });

  it('runs in WebAssembly on this Node, and NEWS_LENS_WASM=0 selects JavaScript', () => {
    assert.equal(runtime(true).decoder, 'wasm');
    assert.equal(runtime(false).decoder, 'js');
  });

  it('labels and span costs are identical to the JavaScript decoder', function () {
    this.timeout(120000);
    const w = runtime(true);
    const j = runtime(false);
    let spans = 0;
    let costs = 0;
    for (const text of texts()) {
      const a = w.predict(text);
      const b = j.predict(text);
      assert.deepEqual(a, b, text.slice(0, 60));
      spans += a.length;
      // span costs read the per-text arrays the kernel wrote: probe every found span, shifted ones
      // and a few other types
      for (const s of a.slice(0, 60)) {
        for (const [x, y] of [[s.start, s.end], [s.start, s.end + 1], [s.start + 1, s.end], [s.start - 1, s.end]]) {
          for (const type of [s.type, 'person', 'place']) {
            assert.equal(w.spanCost(x, y, type), j.spanCost(x, y, type), `${type} ${x}-${y} in ${text.slice(0, 40)}`);
            costs++;
          }
        }
      }
    }
    assert.ok(spans > 1000, `compared ${spans} spans`);
    assert.ok(costs > 1000, `compared ${costs} span costs`);
  });

  it('a sentence end followed by hundreds of closing marks overruns nothing: later texts decode as in a fresh process (issue 13)', function () {
    this.timeout(60000);
    const probe = ',政长';
    const fresh = runtime(true).predict(probe);
    assert.deepEqual(fresh.map((s) => [s.start, s.end]), [[1, 3]]);
    for (const closers of [201, 300, 5000]) {
      const w = runtime(true);
      const j = runtime(false);
      const text = '甲。' + '）'.repeat(closers) + '\n' + probe;
      assert.deepEqual(w.predict(text), j.predict(text), `${closers} closers`);
      assert.equal(w.decoder, 'wasm', 'no trap on the way');
      assert.deepEqual(w.predict(probe), fresh, `after ${closers} closers`);
    }
  });

  it('segments() never cuts a segment longer than the decoders hold', () => {
    for (const text of ['甲。' + '）'.repeat(5000), '乙'.repeat(199) + '。' + '”'.repeat(10), '丙'.repeat(150) + '？' + '」'.repeat(300) + '丁'.repeat(500)]) {
      let at = 0;
      segments(text, (from, to) => {
        assert.equal(from, at, 'contiguous');
        assert.ok(to - from >= 1 && to - from <= 201, `segment ${from}-${to}`);
        at = to;
      });
      assert.equal(at, text.length);
    }
  });

  it('the kernel bounds-checks what the host passes (a trap, never a write past its arrays)', () => {
    const w = runtime(true);
    w.predict('北京市市长陈吉宁');
    const dec = (w as unknown as { dec: WasmDecoder }).dec;
    assert.throws(() => dec.decodeText(dec.textCap + 1), WebAssembly.RuntimeError);
    assert.throws(() => dec.backward(dec.textCap + 5, dec.textCap + 5, 0), WebAssembly.RuntimeError);
    assert.throws(() => dec.backward(4, 2, 3), WebAssembly.RuntimeError);
  });

  it('a kernel trap is not swallowed: the text and later ones decode in JavaScript, identically, and analyze() warns', () => {
    const text = '北京市委书记尹力来到朝阳区调研，会见了宁德时代董事长曾毓群。';
    const want = runtime(false).predict(text);
    const w = runtime(true);
    const dec = (w as unknown as { dec: WasmDecoder }).dec;
    dec.decodeText = () => {
      throw new WebAssembly.RuntimeError('unreachable');
    };
    const before = modelFaultCount();
    assert.deepEqual(w.predict(text), want);
    assert.equal(w.decoder, 'js');
    assert.equal(modelFaultCount(), before + 1);
    assert.deepEqual(w.predict(text), want, 'and later texts');
    assert.equal(modelFaultCount(), before + 1, 'reported once');
    // the same through analyze(): the analysis says so in its warnings
    const inner = (loadDefaultModel() as unknown as { m: { dec: WasmDecoder | undefined; bindDecoder(): void } }).m;
    const saved = inner.dec!;
    const real = saved.decodeText;
    saved.decodeText = () => {
      throw new WebAssembly.RuntimeError('unreachable');
    };
    try {
      const clean = analyze('上海市市长龚正会见客人。');
      assert.ok(clean.warnings.some((m) => /WebAssembly decoder failed/.test(m)), clean.warnings.join('; '));
      assert.ok(clean.mentions.length > 0);
      assert.equal(analyze('上海市市长龚正会见客人。').warnings.length, 0, 'one warning, where it happened');
    } finally {
      // back to the WebAssembly decoder for the rest of the suite, its arrays re-read
      saved.decodeText = real;
      inner.dec = saved;
      inner.bindDecoder();
    }
  });

  it('the kernel builds the gazetteer exactly as Lexicon.fromPacked does', () => {
    const m = deserialize(fs.readFileSync(locateModelFile()!));
    const dec = (new RuntimeModel(m) as unknown as { dec: WasmDecoder }).dec;
    const k = dec.lexiconTables()!;
    const js = Lexicon.fromPacked(m.packedLex);
    for (const part of ['v1', 'present', 'tab', 'tab2'] as const) {
      assert.equal(k[part].length, js[part].length, part);
      assert.ok(Buffer.from(k[part].buffer, k[part].byteOffset, k[part].byteLength).equals(Buffer.from(js[part].buffer)), part);
    }
  });

  it('the default model uses it', () => {
    const m = loadModelFile(locateModelFile()!) as unknown as { m: RuntimeModel };
    assert.equal(m.m.decoder, 'wasm');
  });
});
