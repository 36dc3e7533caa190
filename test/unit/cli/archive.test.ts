import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { tag } from '../../../src/core/index';
import { sharedPath } from '../../../scripts/sharedData';

/**
 * `news-lens tag|analyze` over archives: a folder or JSON Lines in, JSON Lines out, on worker
 * threads. Everything runs through the built bundle (dist/cli/newsLens.js), as users run it.
 */
const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli/newsLens.js');
const run = (args: string[], input?: string | Buffer, env?: NodeJS.ProcessEnv) =>
  spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 28, env: env ?? process.env });
const lines = (s: string) => (s === '' ? [] : s.replace(/\n$/, '').split('\n'));
const parse = (s: string) => lines(s).map((l) => JSON.parse(l) as { id: unknown; error?: string; entities?: unknown; [k: string]: unknown });

/** Articles of a few CLUENER sentences each (one to nine), plus the samples: many sizes, real news text. */
function articles(n: number): { id: string; text: string }[] {
  const sentences = fs
    .readFileSync(sharedPath('data', 'cluener2020', 'train.json'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, 2000)
    .map((l) => (JSON.parse(l) as { text: string }).text);
  const out: { id: string; text: string }[] = [];
  let k = 0;
  for (let i = 0; i < n; i++) {
    const size = 1 + ((i * 7) % 9);
    out.push({ id: `cluener-${i}`, text: sentences.slice(k, k + size).join('\n') });
    k = (k + size) % (sentences.length - 10);
  }
  for (const f of fs.readdirSync(path.join(root, 'samples')).sort()) out.push({ id: `samples/${f}`, text: fs.readFileSync(path.join(root, 'samples', f), 'utf8') });
  return out;
}

describe('cli: news-lens over archives (folders, JSON Lines, --jobs)', function () {
  this.timeout(120000);
  let tmp = '';
  let archive = ''; // a JSON Lines archive with some bad records among the good ones
  let records: string[] = [];
  before(() => {
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'ignore' });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-archive-'));
    records = articles(150).map((a) => JSON.stringify(a));
    // bad records in the middle: they give error lines, and the shards below cut between them
    records.splice(40, 0, '{"id":"no-text"}', 'this is not JSON', '{"id":"x","text":42}');
    records.splice(100, 0, JSON.stringify({ id: 7, text: '国务院总理李强在北京会见了宁德时代董事长曾毓群。' }));
    archive = path.join(tmp, 'archive.jsonl');
    fs.writeFileSync(archive, records.join('\n') + '\n');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('a folder: every .md/.markdown/.txt below it, in path order, ids relative; each line is what the single-article command gives', () => {
    const dir = path.join(tmp, 'folder');
    const write = (rel: string, data: string | Buffer) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), data);
    };
    const fixture = fs.readFileSync(path.join(root, 'samples/leaders-visit-firms.md'), 'utf8');
    write('b/z.txt', '北京市委书记尹力来到朝阳区调研。');
    write('a.md', fixture);
    write('b-c.markdown', '广东省委书记黄坤明在广州会见了宁德时代董事长曾毓群。');
    write('b/a/deep.TXT', '上海市市长龚正主持会议。');
    write('notes.json', '{"not": "an article"}');
    write('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    const t = run(['tag', dir, '--jobs', '2']);
    assert.equal(t.status, 0, t.stderr);
    assert.equal(t.stderr, '', 'no progress line unless asked for or on a terminal');
    const out = parse(t.stdout);
    // depth first, each folder sorted by name: b/ (and all below it) before b-c.markdown
    assert.deepEqual(out.map((o) => o.id), ['a.md', 'b/a/deep.TXT', 'b/z.txt', 'b-c.markdown']);
    for (const o of out) {
      const text = fs.readFileSync(path.join(dir, o.id as string), 'utf8');
      const expected = tag(text).map((s) => ({ type: s.type, start: s.start, end: s.end, text: s.text }));
      assert.deepEqual(o.entities, expected, `${o.id}: tag() of the whole article, offsets into it`);
      assert.deepEqual(Object.keys(o), ['id', 'entities']);
    }
    const a = run(['analyze', dir]);
    assert.equal(a.status, 0, a.stderr);
    const first = parse(a.stdout)[0];
    const single = JSON.parse(run(['analyze', path.join(dir, 'a.md'), '--json']).stdout);
    assert.deepEqual(first, { id: 'a.md', ...single }, 'the same document as analyze FILE --json, with its id first');
    assert.deepEqual(Object.keys(first).slice(0, 3), ['id', 'file', 'length']);
  });

  it('JSON Lines: a .jsonl file and --jsonl on stdin give the same lines, ids kept, blank lines skipped, BOM and CRLF read', () => {
    const input = '\ufeff' + ['{"id":"a","text":"北京市委书记尹力来到朝阳区调研。"}', '', '  ', '{"id":2,"text":"上海"}\r', '{"text":"没有编号的文章：深圳"}'].join('\n');
    const file = path.join(tmp, 'small.jsonl');
    fs.writeFileSync(file, input);
    const fromFile = run(['tag', file]);
    const fromStdin = run(['tag', '--jsonl'], input);
    const fromDash = run(['tag', '--jsonl', '-'], input);
    assert.equal(fromFile.status, 0, fromFile.stderr);
    assert.equal(fromStdin.stdout, fromFile.stdout);
    assert.equal(fromDash.stdout, fromFile.stdout);
    const out = parse(fromFile.stdout);
    assert.deepEqual(out.map((o) => o.id), ['a', 2, null]);
    assert.deepEqual(out[0].entities, tag('北京市委书记尹力来到朝阳区调研。').map((s) => ({ type: s.type, start: s.start, end: s.end, text: s.text })));
    const an = run(['analyze', '--jsonl', file, '--english']);
    assert.equal(an.status, 0, an.stderr);
    const docs = parse(an.stdout);
    assert.equal(docs.length, 3);
    assert.equal(docs[0].file, undefined, 'a record has no file');
    const yin = (docs[0].entities as { name: string; english?: { name: string } }[]).find((e) => e.name === '尹力');
    assert.equal(yin?.english?.name, 'Yin Li');
  });

  it('--jobs 1 and --jobs 3 write the same bytes, in input order, one line per record', () => {
    const one = run(['analyze', archive, '--jobs', '1']);
    const three = run(['analyze', archive, '--jobs=3']);
    assert.equal(one.status, 3, one.stderr);
    assert.equal(three.status, 3, three.stderr);
    assert.equal(three.stdout, one.stdout);
    const out = parse(one.stdout);
    assert.equal(out.length, records.length);
    assert.deepEqual(out.map((o) => o.id), records.map((r) => { try { const id = (JSON.parse(r) as { id?: unknown }).id; return typeof id === 'string' || typeof id === 'number' ? id : null; } catch { return null; } }));
    const tagOne = run(['tag', archive, '--jobs', '1']);
    const tagThree = run(['tag', archive, '--jobs', '3']);
    assert.equal(tagThree.stdout, tagOne.stdout);
    assert.equal(parse(tagOne.stdout).length, records.length);
  });

  it('shards processed separately and concatenated give the same output as one run', () => {
    const whole = run(['tag', archive, '--jobs', '2']);
    // uneven cuts, one inside the run of bad records, each shard with its own --jobs and input path
    const cuts = [0, 17, 41, 42, 120, records.length];
    let joined = '';
    for (let i = 0; i + 1 < cuts.length; i++) {
      const shard = records.slice(cuts[i], cuts[i + 1]).join('\n') + '\n';
      const r = i % 2 ? run(['tag', '--jsonl', '--jobs', String(1 + i)], shard) : (fs.writeFileSync(path.join(tmp, `shard${i}.jsonl`), shard), run(['tag', path.join(tmp, `shard${i}.jsonl`), '--jobs', '1']));
      assert.ok(r.status === 0 || r.status === 3, r.stderr);
      joined += r.stdout;
    }
    assert.equal(joined, whole.stdout);
    const a = run(['analyze', archive, '--jobs', '2']);
    let aJoined = '';
    for (const [from, to] of [[0, 42], [42, records.length]]) aJoined += run(['analyze', '--jsonl', '--jobs', '1'], records.slice(from, to).join('\n') + '\n').stdout;
    assert.equal(aJoined, a.stdout);
  });

  it('batch boundaries do not change the output: stdin that trickles (batches of a record or two, cut mid-record) gives the bytes of one run over the file', async () => {
    // the first 60 records: good ones and the run of bad ones; the pauses are longer than the wait
    // after which a batch not yet full is sent, so the batches here are not those of the file run
    const some = records.slice(0, 60);
    const input = some.join('\n') + '\n';
    const whole = run(['tag', '--jsonl', '--jobs', '2'], input);
    assert.equal(whole.status, 3, whole.stderr);
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [cli, 'tag', '--jsonl', '--jobs', '2'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const done = new Promise<number | null>((r) => child.on('close', r));
    const bytes = Buffer.from(input);
    for (let at = 0, i = 0; at < bytes.length; i++) {
      const n = i % 3 === 0 ? 700 : i % 3 === 1 ? 3000 : 40; // pieces that end inside records and between them
      child.stdin.write(bytes.subarray(at, at + n));
      at += n;
      await new Promise((r) => setTimeout(r, 30));
    }
    child.stdin.end();
    assert.equal(await done, 3, err);
    assert.equal(out, whole.stdout);
  });

  it('bad records give error lines and the rest go on: exit 3, no stack, nothing on stderr; exit 0 when all are fine', () => {
    const input = Buffer.concat([
      Buffer.from('{"id":"ok1","text":"北京"}\nnot json at all\n{"id":"no-text"}\n{"id":"n","text":null}\n[1,2]\n{"id":{"a":1},"text":"x"}\n'),
      Buffer.from('{"id":"gbk","text":"'), Buffer.from([0xb1, 0xb1, 0xbe, 0xa9]), Buffer.from('"}\n'), // not UTF-8
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x10, 0x0a]), // binary, with a NUL
      Buffer.from('{"id":"ok2","text":"上海"}'), // no final line break
    ]);
    for (const cmd of ['tag', 'analyze']) {
      const r = run([cmd, '--jsonl'], input);
      assert.equal(r.status, 3, r.stderr);
      assert.equal(r.stderr, '');
      const out = parse(r.stdout);
      assert.deepEqual(out.map((o) => o.id), ['ok1', null, 'no-text', 'n', null, null, null, null, 'ok2']);
      assert.deepEqual(out.map((o) => o.error === undefined), [true, false, false, false, false, false, false, false, true]);
      const errors = out.filter((o) => o.error).map((o) => o.error!);
      for (const [e, why] of errors.map((e, i) => [e, [/not valid JSON/, /no "text" field/, /"text" must be a string, not null/, /not a JSON object/, /"id" must be a string or a number/, /not valid UTF-8/, /binary data/][i]] as const)) assert.match(e, why);
      for (const e of errors) assert.doesNotMatch(e, /\n\s*at /);
    }
    // a folder with a binary file and a file in no encoding News Lens reads
    const dir = path.join(tmp, 'bad-folder');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, '1-good.md'), '北京市委书记尹力');
    fs.writeFileSync(path.join(dir, '2-binary.md'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x10]));
    let x = 7;
    fs.writeFileSync(path.join(dir, '3-noise.txt'), Buffer.from(Array.from({ length: 2000 }, () => 0x80 + ((x = (x * 1103515245 + 12345) >>> 0) % 128))));
    fs.writeFileSync(path.join(dir, '4-gb18030.txt'), Buffer.from([0xb1, 0xb1, 0xbe, 0xa9])); // 北京 in GB18030: read, as analyze FILE reads it
    const f = run(['analyze', dir]);
    assert.equal(f.status, 3, f.stderr);
    const fo = parse(f.stdout);
    assert.deepEqual(fo.map((o) => [o.id, !!o.error]), [['1-good.md', false], ['2-binary.md', true], ['3-noise.txt', true], ['4-gb18030.txt', false]]);
    assert.match(fo[1].error!, /^2-binary\.md: looks like a binary file/);
    assert.match(fo[2].error!, /^3-noise\.txt: not text in an encoding News Lens reads/);
    assert.equal(f.stderr, '');
    // all fine → 0
    const ok = run(['tag', '--jsonl'], '{"id":1,"text":"北京"}\n{"id":2,"text":""}\n');
    assert.equal(ok.status, 0, ok.stderr);
    assert.deepEqual(parse(ok.stdout), [{ id: 1, entities: [{ type: 'place', start: 0, end: 2, text: '北京' }] }, { id: 2, entities: [] }]);
  });

  it('usage errors: one line on stderr, exit 2, no stack', () => {
    const empty = path.join(tmp, 'empty-folder');
    fs.mkdirSync(path.join(empty, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(empty, 'sub', 'x.json'), '{}');
    for (const [args, why] of [
      [['tag', empty], /no article files/],
      [['tag', path.join(tmp, 'missing.jsonl')], /no such file/],
      [['tag', archive, '--jobs', '0'], /--jobs expects a whole number/],
      [['tag', archive, '--jobs'], /--jobs expects/],
      [['tag', '--progress'], /need one folder, one \.jsonl file, or --jsonl/],
      [['tag', '--jobs', '0'], /--jobs expects a whole number/],
      [['tag', archive, '--json'], /unknown option --json/],
      [['analyze', archive, '--frob'], /unknown option --frob/],
      [['analyze', '--jsonl', tmp], /is a folder; --jsonl reads a file or stdin/],
      [['tag', path.join(root, 'samples/leaders-visit-firms.md')], /unexpected argument/],
    ] as const) {
      const r = run([...args]);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, why);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.doesNotMatch(r.stderr, /\s+at\s/);
      assert.equal(r.stdout, '');
    }
  });

  it('--progress: a progress summary on stderr, the output unchanged', () => {
    const r = run(['tag', archive, '--jobs', '2', '--progress']);
    assert.equal(r.status, 3);
    assert.equal(r.stdout, run(['tag', archive, '--jobs', '1']).stdout);
    assert.match(r.stderr, new RegExp(`\\[news-lens\\] ${records.length} articles \\(3 failed\\), [0-9,]+ chars in [0-9.]+ s, [0-9,]+ chars/s, 2 jobs\\n$`));
  });

  it('the GNU parallel recipe in the README (--pipe, --keep-order, and --sshlogin to this machine) gives the same output as one run', function () {
    const which = spawnSync('sh', ['-c', 'command -v parallel'], { encoding: 'utf8' });
    if (which.status !== 0) {
      const why = 'GNU parallel is not installed (apt-get install parallel; scripts/setup-vscode-test.sh installs it)';
      if (process.env.CI) assert.fail(`${why}: the README's recipe for spreading an archive over machines is not tested`);
      console.log(`      skipped: ${why}`);
      this.skip();
    }
    // `news-lens` on the PATH, as after npm link or a global install
    const bin = path.join(tmp, 'bin');
    fs.mkdirSync(bin, { recursive: true });
    fs.writeFileSync(path.join(bin, 'news-lens'), `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`, { mode: 0o755 });
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, HOME: tmp };
    const whole = run(['analyze', archive, '--jobs', '1']).stdout;
    // a small block, so the archive is cut into several pieces (the README's 10M is for real archives)
    assert.ok(fs.statSync(archive).size > 4 * 20_000, 'the archive is several blocks');
    for (const recipe of [
      `parallel --pipe --block 20k --keep-order news-lens analyze --jsonl < "${archive}" > "${tmp}/out.jsonl"`,
      `parallel --pipe --block 20k --keep-order --sshlogin 2/: news-lens analyze --jsonl --jobs 1 < "${archive}" > "${tmp}/out.jsonl"`,
    ]) {
      fs.rmSync(path.join(tmp, 'out.jsonl'), { force: true });
      const r = spawnSync('sh', ['-c', recipe], { encoding: 'utf8', env });
      // parallel exits with the number of failed jobs: the shards with bad records exit 3
      assert.ok(r.status !== null && r.status < 100, `${recipe}: status ${r.status}: ${r.stderr}`);
      const out = fs.readFileSync(path.join(tmp, 'out.jsonl'), 'utf8');
      assert.ok(lines(out).length === records.length, `${recipe}: ${lines(out).length} lines for ${records.length} records; stderr: ${r.stderr}`);
      assert.equal(out, whole, recipe);
    }
  });
});
