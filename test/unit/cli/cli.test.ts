import { strict as assert } from 'node:assert';
import { spawnSync, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeText } from '../../../src/cli/newsLens';

/**
 * An encoder for a double-byte encoding, made from this Node's decoder for it (Node encodes only
 * UTF-8 and UTF-16): every two-byte sequence decoded once, the table reversed. Characters it cannot
 * encode become '?'.
 */
function encoder(encoding: 'big5' | 'gb18030'): (text: string) => { bytes: Buffer; text: string } {
  const dec = new TextDecoder(encoding);
  const table = new Map<string, [number, number]>();
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const c = dec.decode(Uint8Array.from([a, b]));
      if (c.length === 1 && c !== '\ufffd' && !table.has(c)) table.set(c, [a, b]);
    }
  }
  return (text) => {
    const bytes: number[] = [];
    let kept = '';
    for (const ch of text) {
      const code = ch.codePointAt(0)!;
      const pair = table.get(ch);
      if (code < 0x80) bytes.push(code), (kept += ch);
      else if (pair) bytes.push(...pair), (kept += ch);
      else bytes.push(0x3f), (kept += '?');
    }
    return { bytes: Buffer.from(bytes), text: kept };
  };
}

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli/newsLens.js');
const run = (args: string[], input?: string | Buffer) => spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 28 });

describe('cli: news-lens', function () {
  this.timeout(60000);
  let tmp = '';
  before(() => {
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'ignore' });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('--help and --version', () => {
    const h = run(['--help']);
    assert.equal(h.status, 0);
    assert.match(h.stdout, /news-lens analyze FILE/);
    const v = run(['--version']);
    assert.equal(v.status, 0);
    assert.equal(v.stdout.trim(), JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version);
  });

  it('analyze --json gives entities with offsets and line/character, and the region outline', () => {
    const file = path.join(root, 'samples/leaders-visit-firms.md');
    const text = fs.readFileSync(file, 'utf8');
    const r = run(['analyze', file, '--json']);
    assert.equal(r.status, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.deepEqual(j.regions.map((x: { name: string }) => x.name), ['北京', '上海', '重庆', '广东']);
    const yin = j.entities.find((e: { name: string }) => e.name === '尹力');
    assert.equal(yin.role, 'official');
    assert.equal(yin.titles[0].full, '北京市委书记');
    const lines = text.split('\n');
    for (const m of yin.mentions) {
      assert.equal(text.slice(m.start, m.end), '尹力');
      assert.equal(lines[m.line].slice(m.character, m.character + 2), '尹力');
    }
  });

  it('analyze --english adds English names and titles (text and JSON)', () => {
    const file = path.join(root, 'samples/leaders-visit-firms.md');
    const t = run(['analyze', file, '--english']);
    assert.equal(t.status, 0, t.stderr);
    assert.match(t.stdout, /尹力 \[Yin Li\].*北京市委书记 = Secretary of the CPC Beijing Municipal Committee/);
    assert.match(t.stdout, /宁德时代 \[CATL/);
    const j = run(['analyze', file, '--json', '--english']);
    const doc = JSON.parse(j.stdout) as { entities: { name: string; english?: { name: string | null; titles: (string | null)[] } }[] };
    const yin = doc.entities.find((e) => e.name === '殷勇');
    assert.deepEqual(yin?.english, { name: 'Yin Yong', titles: ['Deputy Secretary of the CPC Beijing Municipal Committee; Mayor of Beijing'] });
    assert.equal(JSON.parse(run(['analyze', file, '--json']).stdout).entities[0].english, undefined, 'only with --english');
  });

  it('analyze without --json prints a readable tree', () => {
    const r = run(['analyze', path.join(root, 'samples/leaders-visit-firms.md')]);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /├─ 北京/);
    assert.match(r.stdout, /殷勇.*北京市委副书记、北京市市长/);
  });

  it('tag: one JSON line per input line, UTF-16 offsets', () => {
    const input = '北京市委书记尹力来到朝阳区调研。\n\n😀宁德时代董事长曾毓群\r\n';
    const r = run(['tag'], input);
    assert.equal(r.status, 0, r.stderr);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.equal(out.length, 3);
    assert.deepEqual(out[1], { entities: [] });
    const p = out[0].entities.find((e: { type: string }) => e.type === 'person');
    assert.deepEqual(p, { type: 'person', start: 6, end: 8, text: '尹力' });
    const z = out[2].entities.find((e: { text: string }) => e.text === '曾毓群');
    assert.equal(z.start, 2 + 4 + 3); // the emoji is two UTF-16 code units
  });

  it('tag: a line of hundreds of closing marks after a sentence end leaves the next line as a fresh process sees it (issue 13)', () => {
    const r = run(['tag'], '甲。' + '）'.repeat(300) + '\n,政长\n');
    assert.equal(r.status, 0, r.stderr);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.equal(out.length, 2);
    assert.deepEqual(out[1], JSON.parse(run(['tag'], ',政长\n').stdout));
    assert.deepEqual(out[1].entities.map((e: { start: number; text: string }) => [e.start, e.text]), [[1, '政长']]);
    assert.equal(r.stderr, '', 'no fault to report');
  });

  it('tag streams many lines', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `第${i}行：广东省委书记黄坤明在广州会见了宁德时代董事长曾毓群。`);
    const r = run(['tag'], lines.join('\n') + '\n');
    assert.equal(r.status, 0);
    assert.equal(r.stdout.trimEnd().split('\n').length, 5000);
  });

  // the sample articles' lines, numbered so no two are alike, to about 400 KB: past the 256 KB
  // after which `tag --jobs N` hands batches to worker threads
  const manyLines = (): string[] => {
    const base = fs.readdirSync(path.join(root, 'samples')).flatMap((f) => fs.readFileSync(path.join(root, 'samples', f), 'utf8').split('\n'));
    const out: string[] = [];
    for (let i = 0, bytes = 0; bytes < 400 * 1024; i++) {
      const l = (i % 7 === 0 ? `${i}、` : '') + base[i % base.length];
      out.push(l);
      bytes += Buffer.byteLength(l) + 1;
    }
    return out;
  };

  it('tag --jobs N: lines past the first 256 KB go to worker threads; the output is the same for any N, each line as tagged alone', () => {
    const lines = manyLines();
    const input = lines.join('\n') + '\n';
    const one = run(['tag', '--jobs', '1'], input);
    assert.equal(one.status, 0, one.stderr);
    const out = one.stdout.trimEnd().split('\n');
    assert.equal(out.length, lines.length);
    for (const j of ['2', '3']) {
      const r = run(['tag', '--jobs', j], input);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, one.stdout, `--jobs ${j}`);
    }
    assert.equal(run(['tag'], input).stdout, one.stdout, 'the default');
    // lines near the end (tagged by a worker) as a fresh process tags them alone
    for (const k of [lines.length - 1, lines.length - 500]) assert.deepEqual(JSON.parse(out[k]), JSON.parse(run(['tag'], lines[k] + '\n').stdout), `line ${k + 1}`);
    assert.ok(out.some((l) => JSON.parse(l).entities.length > 0));
  });

  it('tag --jobs 2: a bad line on a worker stops the run with its own line number, after the lines before it', () => {
    const lines = manyLines();
    const at = lines.length - 50; // (0-based) far past 256 KB: in a worker's batch
    for (const [bad, why] of [
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x10]), /looks like binary data/],
      [Buffer.from([0xb1, 0xb1, 0xbe, 0xa9]), /not valid UTF-8/],
    ] as const) {
      const input = Buffer.concat([Buffer.from(lines.slice(0, at).join('\n') + '\n'), bad, Buffer.from('\n' + lines.slice(at).join('\n') + '\n')]);
      const r = run(['tag', '--jobs', '2'], input);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, why);
      assert.match(r.stderr, new RegExp(`stdin line ${at + 1}:`));
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.equal(r.stdout.trimEnd().split('\n').length, at);
    }
    // binary data with no line break after the lines: they are answered, then the message
    const tail = run(['tag', '--jobs', '2'], Buffer.concat([Buffer.from(lines.join('\n') + '\n'), Buffer.alloc(3 << 20)]));
    assert.equal(tail.status, 2, tail.stderr);
    assert.match(tail.stderr, new RegExp(`stdin line ${lines.length + 1}: looks like binary data`));
    assert.equal(tail.stdout.trimEnd().split('\n').length, lines.length);
  });

  it('input errors: one line on stderr, exit 2, no stack', () => {
    const bin = path.join(tmp, 'bin.dat');
    fs.writeFileSync(bin, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x10]));
    const bad = path.join(tmp, 'bad.txt');
    fs.writeFileSync(bad, Buffer.from([0x41, 0xc3, 0x28, 0xa0, 0xa1]));
    // a folder is an archive now (archive.test.ts); one without articles is still an input error
    const noArticles = path.join(tmp, 'no-articles');
    fs.mkdirSync(noArticles, { recursive: true });
    for (const args of [['analyze', path.join(tmp, 'missing.md')], ['analyze', noArticles], ['analyze', bin], ['analyze', bad], ['analyze'], ['frobnicate']]) {
      const r = run(args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      const errLines = r.stderr.trim().split('\n');
      assert.equal(errLines.length, 1, r.stderr);
      assert.doesNotMatch(r.stderr, /\s+at\s/);
    }
  });

  it('tag: a lone CR is part of the line: one line in, one line out, always (issue 13)', () => {
    const r = run(['tag'], '北京\r上海\n广州\r\n\r\n深圳\r');
    assert.equal(r.status, 0, r.stderr);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    // 北京\r上海 | 广州 | (empty) | 深圳 (a last line without LF, its CR dropped)
    assert.equal(out.length, 4, r.stdout);
    assert.deepEqual(out[0].entities.map((e: { start: number; text: string }) => [e.start, e.text]), [[0, '北京'], [3, '上海']]);
    assert.deepEqual(out[2], { entities: [] });
    assert.deepEqual(out[3].entities.map((e: { start: number; text: string }) => [e.start, e.text]), [[0, '深圳']]);
  });

  it('tag: binary or non-UTF-8 stdin stops with one clear line and exit 2, after answering the lines before it (issue 13)', () => {
    for (const [input, why] of [
      [Buffer.concat([Buffer.from('北京市委书记尹力\n'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x10]), Buffer.from('\n上海\n')]), /line 2: looks like binary data/],
      [Buffer.concat([Buffer.from('北京市委书记尹力\n'), Buffer.from([0xb1, 0xb1, 0xbe, 0xa9]), Buffer.from('\n')]), /line 2: not valid UTF-8/],
      [Buffer.alloc(3 << 20), /line 1: looks like binary data/], // no line break at all
    ] as const) {
      const r = run(['tag'], input);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, why);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      const lines = r.stdout.trimEnd() ? r.stdout.trimEnd().split('\n') : [];
      assert.equal(lines.length, input.length > 1 << 20 ? 0 : 1, r.stdout);
    }
  });

  it('analyze: a device or pipe is read with a cap; /dev/zero stops at once with a clear message (issue 13)', function () {
    if (!fs.existsSync('/dev/zero')) this.skip();
    const r = spawnSync(process.execPath, [cli, 'analyze', '/dev/zero'], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 2, `status ${r.status}, signal ${r.signal}: ${r.stderr}`);
    assert.match(r.stderr, /\/dev\/zero: looks like binary data/);
  });

  it('reads Big5 files, tells them from GB18030, and refuses what is neither (issue 13)', () => {
    const text = fs.readFileSync(path.join(root, 'samples/hongkong-traditional.md'), 'utf8');
    const big5 = encoder('big5')(text);
    const gbk = encoder('gb18030')(text);
    assert.ok(big5.text.split('?').length < 20, 'the traditional article is (almost all) Big5');
    assert.equal(decodeText(big5.bytes, 'big5.md'), big5.text);
    // the same traditional text in GB18030, and a simplified one, stay GB18030
    assert.equal(decodeText(gbk.bytes, 'gbk.md'), gbk.text);
    const simplified = fs.readFileSync(path.join(root, 'samples/leaders-visit-firms.md'), 'utf8');
    const gbSimplified = encoder('gb18030')(simplified);
    assert.equal(decodeText(gbSimplified.bytes, 'gb.md'), gbSimplified.text);
    // through the CLI: entities, exit 0
    const f = path.join(tmp, 'big5.md');
    fs.writeFileSync(f, big5.bytes);
    const r = run(['analyze', f, '--json']);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(JSON.parse(r.stdout).entities.length > 10, 'entities found in the Big5 file');
    // high bytes that are no Chinese text in either encoding
    let x = 12345;
    const noise = Buffer.from(Array.from({ length: 4000 }, () => 0x80 + ((x = (x * 1103515245 + 12345) >>> 0) % 128)));
    const bad = path.join(tmp, 'noise.txt');
    fs.writeFileSync(bad, noise);
    const n = run(['analyze', bad]);
    assert.equal(n.status, 2, n.stdout.slice(0, 200));
    assert.match(n.stderr, /not text in an encoding News Lens reads/);
  });

  it('decodes BOM UTF-8, UTF-16 LE/BE and GB18030', () => {
    const s = '北京市委书记尹力';
    assert.equal(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)])), s);
    assert.equal(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])), s);
    const be = Buffer.from(s, 'utf16le');
    be.swap16();
    assert.equal(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), s);
    // 北京 in GB18030
    assert.equal(decodeText(Buffer.from([0xb1, 0xb1, 0xbe, 0xa9])), '北京');
    const f = path.join(tmp, 'utf16.md');
    fs.writeFileSync(f, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]));
    const r = run(['analyze', f, '--json']);
    assert.equal(r.status, 0);
    assert.ok(JSON.parse(r.stdout).entities.some((e: { name: string }) => e.name === '尹力'));
  });
});
