import { strict as assert } from 'node:assert';
import { spawnSync, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeText } from '../../../src/cli/newsLens';

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

  it('input errors: one line on stderr, exit 2, no stack', () => {
    const bin = path.join(tmp, 'bin.dat');
    fs.writeFileSync(bin, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x10]));
    const bad = path.join(tmp, 'bad.txt');
    fs.writeFileSync(bad, Buffer.from([0x41, 0xc3, 0x28, 0xa0, 0xa1]));
    for (const args of [['analyze', path.join(tmp, 'missing.md')], ['analyze', tmp], ['analyze', bin], ['analyze', bad], ['analyze'], ['frobnicate']]) {
      const r = run(args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      const errLines = r.stderr.trim().split('\n');
      assert.equal(errLines.length, 1, r.stderr);
      assert.doesNotMatch(r.stderr, /\s+at\s/);
    }
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
