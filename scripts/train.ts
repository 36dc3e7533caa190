/**
 * Trains the character-level entity labeller on CLUENER2020 train.json and writes
 * models/ner.bin (gzip: JSON header, opencc table, gazetteers, int16 weights).
 *
 *   npm run train                      final model on all of train.json, then prints dev scores
 *   npm run train -- --tune            also trains on 90% of train.json and scores the other 10%
 *   options: --epochs N --scheme BIO|BIOES --min-bi N --min-tri N --min-skip N (0 = off) --no-lex --no-towns --no-uni2 --quotes --words N --lex-templates MASK --unscored separate|O
 *            --rows N (n-gram rows kept) --seed N --out FILE --data DIR
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readCluener, goldSpans, score, formatScores, type Example } from '../training/cluener';
import { trainModel, shuffled, type TrainOptions } from '../training/train';
import { RuntimeModel, deserialize, serialize } from '../src/core/model/perceptron';
import { sharedPath } from './sharedData';
import { readMsra, splitMsra, scoreMsra, formatMsra } from '../training/msra';
import { costScaleOf } from '../training/costScale';
import { flag, opt as arg } from './cliArgs';


/** Back to CLUENER's format (code point offsets, inclusive end). */
function toCluener(e: Example): { text: string; label: Record<string, Record<string, [number, number][]>> } {
  const cp = (u: number): number => [...e.text.slice(0, u)].length;
  const label: Record<string, Record<string, [number, number][]>> = {};
  for (const s of e.spans) ((label[s.label] ??= {})[s.text] ??= []).push([cp(s.start), cp(s.end) - 1]);
  return { text: e.text, label };
}

const dataDir = arg('data', '') || sharedPath('data', 'cluener2020');
const out = path.resolve(arg('out', path.join(__dirname, '..', 'models', 'ner.bin')));
const opt: TrainOptions = {
  epochs: Number(arg('epochs', '12')),
  scheme: arg('scheme', 'BIO') as 'BIO' | 'BIOES',
  minBi: Number(arg('min-bi', '2')),
  minTri: Number(arg('min-tri', '0')),
  minSkip: Number(arg('min-skip', '0')),
  lex: !flag('no-lex'),
  towns: !flag('no-towns'),
  uni2: !flag('no-uni2'),
  quotes: flag('quotes'),
  words: Number(arg('words', '60000')),
  stockCsv: arg('stock', '') || sharedPath('data', 'a-share-companies', 'stock_basic.csv'),
  lexT: Number(arg('lex-templates', '31')),
  // two annotation styles (web news as CLUENER marks it, People's Daily as MSRA does): see
  // src/core/model/style.ts; --no-domains trains one set of weights on both corpora mixed
  domains: !flag('no-domains'),
  msraGold: arg('msra-gold', 'cluener') as TrainOptions['msraGold'],
  domainRows: arg('domain-rows', 'light') as TrainOptions['domainRows'],
  exportDomain: arg('export-domain', 'styles') as TrainOptions['exportDomain'],
  unscored: arg('unscored', 'O') as 'separate' | 'O',
  folds: Number(arg('folds', '5')),
  seed: Number(arg('seed', '20240607')),
  maxRows: Number(arg('rows', '60000')),
  log: (s) => console.log(s),
};
const t0 = Date.now();
const train = readCluener(path.join(dataDir, 'train.json'));
console.log(`train.json: ${train.length} sentences; options ${JSON.stringify({ ...opt, log: undefined })}`);
// MSRA NER (People's Daily): partial labels for our scheme; its dev slice is never trained on.
const msraPath = arg('msra', '') || sharedPath('data', 'msra-ner', 'train.bio');
const msra = flag('no-msra') || !fs.existsSync(msraPath) ? { train: [], dev: [] } : splitMsra(readMsra(msraPath));
const msraFrac = Number(arg('msra-frac', '1'));
const msraTrain = msra.train.slice(0, Math.round(msra.train.length * msraFrac));
opt.cluenerRepeat = Number(arg('cluener-repeat', '1'));
const mix = (cl: typeof train) => [...cl, ...msraTrain];
console.log(`MSRA: ${msraTrain.length} training sentences, ${msra.dev.length} in the dev slice; CLUENER visited ${opt.cluenerRepeat}× per epoch`);

if (flag('tune')) {
  // Held-out split of train.json for model selection (dev.json is never used for tuning).
  const sh = shuffled(train, 7);
  const cut = Math.floor(sh.length * 0.9);
  const r = trainModel(mix(sh.slice(0, cut)), sh.slice(cut), opt, msra.dev.length ? msra.dev : undefined);
  r.parts.header.costScale = costScaleOf(r.parts, train);
  for (const v of Object.values(r.views)) v.header.costScale = costScaleOf(v, train);
  console.log(formatScores(r.heldOut!, `held-out 10% of train.json after ${opt.epochs} epochs`));
  const ho = sh.slice(cut);
  const m = new RuntimeModel(deserialize(serialize(r.parts)));
  console.log(formatScores(score(ho.map(goldSpans), ho.map((e) => m.predict(e.text))), 'held-out, exported (pruned, int16) model'));
  if (msra.dev.length) console.log(formatMsra(scoreMsra(msra.dev, msra.dev.map((e) => m.predict(e.text))), 'MSRA dev slice, exported model'));
  const tuneOut = arg('tune-out', '');
  if (tuneOut) {
    // The 90% model and its held-out split, for tuning combineSpans (scripts/eval.ts --file).
    fs.writeFileSync(tuneOut, serialize(r.parts));
    for (const [v, parts] of Object.entries(r.views)) fs.writeFileSync(tuneOut.replace(/\.bin$/, '') + `.${v}.bin`, serialize(parts));
    fs.writeFileSync(tuneOut + '.heldout.json', ho.map((e) => JSON.stringify(toCluener(e))).join('\n') + '\n');
    console.log(`wrote ${tuneOut} and ${tuneOut}.heldout.json`);
  }
  if (flag('tune-only')) process.exit(0);
}

const r = trainModel(mix(train), undefined, opt);
r.parts.header.costScale = costScaleOf(r.parts, train);
console.log(`cost scale: ${r.parts.header.costScale}`);
const buf = serialize(r.parts);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, buf);
console.log(`wrote ${out}: ${(buf.length / 1024 / 1024).toFixed(2)} MB in ${((Date.now() - t0) / 1000).toFixed(0)} s total`);

const devPath = path.join(dataDir, 'dev.json');
if (fs.existsSync(devPath)) {
  const dev = readCluener(devPath);
  const m = new RuntimeModel(deserialize(fs.readFileSync(out)));
  console.log(formatScores(score(dev.map(goldSpans), dev.map((e) => m.predict(e.text))), 'dev.json (model alone; report only, not used for tuning)'));
  if (msra.dev.length) console.log(formatMsra(scoreMsra(msra.dev, msra.dev.map((e) => m.predict(e.text))), 'MSRA dev slice (model alone; never trained on)'));
}
