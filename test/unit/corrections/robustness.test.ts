/**
 * The corrections file never loses or changes what the user wrote (issue 13, defect 7): a trailing
 * comment stays with its entry, repeated keys count as JSON reads them (and are pointed out), a
 * comments-only file is a valid empty one, a BOM is kept, and writers working at the same time (two
 * processes) lose no entry and never leave the file unparsable.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { updateFile } from '../../../src/client/corrections/fileUpdate';
import { addCorrection } from '../../../src/protocol/corrections/edit';
import { parseCorrections, toUserLexicon } from '../../../src/protocol/corrections/format';
import { CorrectionsStore } from '../../../src/server/corrections/store';
import { runCorrectionsProperty } from '../../fuzz/correctionsProperties';

const root = path.resolve(__dirname, '../../..');
const lines = (t: string) => t.split('\n');
const edited = (text: string, c: Parameters<typeof addCorrection>[1]): string => {
  const r = addCorrection(text, c);
  assert.equal(r.status, 'edited', JSON.stringify(r));
  return (r as { newText: string }).newText;
};

describe('corrections file: what the user wrote stays (issue 13)', function () {
  this.timeout(120_000);
  let tmp = '';
  before(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-corr-'))));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('a trailing // comment stays on its own entry\'s line when an entry is added after it', () => {
    for (const [text, line] of [
      ['{\n  "corrections": [\n    { "text": "雀巢", "type": "none" } // not the company here\n  ]\n}\n', '    { "text": "雀巢", "type": "none" }, // not the company here'],
      ['{\n  "corrections": [\n    { "text": "雀巢", "type": "none" }, // with its comma\n  ]\n}\n', '    { "text": "雀巢", "type": "none" }, // with its comma'],
      ['{\n  "corrections": [\n    { "text": "雀巢", "type": "none" } /* a */ /* b */\n  ]\n}\n', '    { "text": "雀巢", "type": "none" }, /* a */ /* b */'],
      ['{\r\n  "corrections": [\r\n    { "text": "雀巢", "type": "none" } // crlf\r\n  ]\r\n}\r\n', '    { "text": "雀巢", "type": "none" }, // crlf\r'],
    ]) {
      const out = edited(text, { text: '康宁', type: 'company' });
      assert.equal(lines(out)[2], line, out);
      assert.match(lines(out)[3], /^ {4}\{ "text": "康宁", "type": "company" \}\r?$/, out);
      assert.deepEqual(parseCorrections(out).problems, []);
    }
  });

  it('repeated keys count as JSON reads them (the last), with a diagnostic on the others', () => {
    const text = `{
  "corrections": [{ "text": "雀巢", "type": "none" }],
  "corrections": [{ "text": "康宁", "type": "place", "type": "company" }]
}`;
    const p = parseCorrections(text);
    assert.deepEqual(toUserLexicon(p.corrections).entries, [{ text: '康宁', type: 'company' }]);
    assert.deepEqual(toUserLexicon(p.corrections).entries, [{ text: '康宁', type: 'company' }], 'as JSON.parse after stripping comments');
    const warned = p.problems.filter((x) => /given again below/.test(x.message)).map((x) => text.slice(x.offset, x.offset + x.length));
    assert.deepEqual(warned, ['"corrections"', '"type"']);
    // adding to a file with two "corrections" lists is left to the user
    assert.equal(addCorrection(text, { text: '宝马', type: 'company' }).status, 'duplicate-keys');
  });

  it('an entry with repeated keys is edited where it counts: the last "type", every "aliasOf" removed', () => {
    const text = '{ "corrections": [{ "text": "康宁", "type": "place", "type": "company", "aliasOf": "a", "aliasOf": "b" }] }';
    const asPlace = edited(text, { text: '康宁', type: 'place', aliasOf: 'c' });
    assert.deepEqual(toUserLexicon(parseCorrections(asPlace).corrections).entries, [{ text: '康宁', type: 'place', aliasOf: 'c' }]);
    const plain = edited(text, { text: '康宁', type: 'organization' });
    assert.deepEqual(toUserLexicon(parseCorrections(plain).corrections).entries, [{ text: '康宁', type: 'organization' }]);
    assert.doesNotMatch(plain, /aliasOf/);
  });

  it('a file of comments only is a valid empty file, and an entry is added after its comments', () => {
    const text = '// corrections for the Hunan articles\n/* none yet */\n';
    assert.deepEqual(parseCorrections(text), { corrections: [], knowledge: [], problems: [], syntaxErrors: false });
    const out = edited(text, { text: '雀巢', type: 'none' });
    assert.ok(out.startsWith(text), out);
    assert.deepEqual(parseCorrections(out).problems, []);
    assert.deepEqual(toUserLexicon(parseCorrections(out).corrections).entries, [{ text: '雀巢', type: 'none' }]);
  });

  it('a UTF-8 BOM is kept when the file is rewritten; the change sees the text without it', async () => {
    const file = path.join(tmp, 'bom', '.vscode', 'news-lens.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '\uFEFF{ "corrections": [] }\n');
    let seen: string | undefined;
    assert.equal(await updateFile(file, (before) => ((seen = before), edited(before!, { text: '雀巢', type: 'none' }))), true);
    assert.equal(seen, '{ "corrections": [] }\n');
    const bytes = fs.readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(bytes.toString('utf8'), /雀巢/);
  });

  it('an existing file that reads empty is read again, never taken for a new file', async () => {
    const file = path.join(tmp, 'empty', '.vscode', 'news-lens.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const theirs = edited('', { text: '康宁', type: 'company' });
    // another program rewrites the file in place: truncated now, its text 60 ms later
    fs.writeFileSync(file, '');
    const later = setTimeout(() => fs.writeFileSync(file, theirs), 60);
    try {
      await updateFile(file, (before) => edited(before ?? '', { text: '雀巢', type: 'none' }));
    } finally {
      clearTimeout(later);
    }
    const entries = toUserLexicon(parseCorrections(fs.readFileSync(file, 'utf8')).corrections).entries.map((e) => e.text).sort();
    assert.deepEqual(entries, ['康宁', '雀巢']);
  });

  it('two processes adding entries at the same time: no entry lost, the file parsable at every read', async () => {
    const file = path.join(tmp, 'race', '.vscode', 'news-lens.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '// the user\'s own comment\n{\n  "corrections": [\n    { "text": "雀巢", "type": "none" } // keep me\n  ]\n}\n');
    const N = 15;
    const writer = (prefix: string) =>
      new Promise<void>((resolve, reject) => {
        const p = spawn(process.execPath, ['-r', 'tsx/cjs', path.join(root, 'test/fuzz/correctionsWriter.ts'), file, prefix, String(N)], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        p.stderr!.on('data', (d) => (err += String(d)));
        p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${prefix}: exit ${code}\n${err}`))));
      });
    let reads = 0;
    let reading = true;
    const reader = (async () => {
      while (reading) {
        const text = fs.readFileSync(file, 'utf8');
        const p = parseCorrections(text);
        assert.equal(p.syntaxErrors, false, `unparsable on read ${reads}:\n${text}`);
        assert.ok(text.includes('// keep me') && text.includes('雀巢'), `the user's entry and comment on read ${reads}:\n${text}`);
        reads++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    try {
      await Promise.all([writer('甲公司'), writer('乙公司')]);
    } finally {
      reading = false;
      await reader;
    }
    const texts = new Set(toUserLexicon(parseCorrections(fs.readFileSync(file, 'utf8')).corrections).entries.map((e) => e.text));
    for (const prefix of ['甲公司', '乙公司']) for (let i = 0; i < N; i++) assert.ok(texts.has(`${prefix}${i}`), `${prefix}${i} lost`);
    assert.ok(texts.has('雀巢'));
    assert.ok(reads > 10, `${reads} reads`);
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['news-lens.json'], 'no lock or temporary file left behind');
  });

  it('property (seeded slice of npm run fuzz): on 400 generated files an added correction keeps every byte and meaning', () => {
    const counts = runCorrectionsProperty(400, 13);
    assert.ok((counts.added ?? 0) > 100 && (counts.updated ?? 0) > 10, JSON.stringify(counts));
  });

  it('the server takes an empty read of a file that had corrections for a rewrite in progress', async () => {
    const full = '{ "corrections": [{ "text": "雀巢", "type": "none" }] }';
    const reads = [full, '', full];
    let changed = 0;
    const store = new CorrectionsStore({
      log: () => undefined,
      report: () => undefined,
      changed: () => void changed++,
      readFile: () => (reads.length > 1 ? reads.shift()! : reads[0]),
    });
    store.setFolders(['file:///ws']);
    const uri = 'file:///ws/.vscode/news-lens.json';
    assert.equal(changed, 1);
    store.fileChanged(uri); // reads '' while the file is being rewritten
    assert.deepEqual(store.analyzeOptions('file:///ws/a.md').userLexicon?.entries, [{ text: '雀巢', type: 'none' }]);
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(store.analyzeOptions('file:///ws/a.md').userLexicon?.entries, [{ text: '雀巢', type: 'none' }]);
    assert.equal(changed, 1, 'no re-analysis for a moment without corrections');
  });
});
