import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Span } from '../types';
import { RuntimeModel, deserialize } from './perceptron';
import { reportModelFault } from './faults';

export { modelFaultCount, modelFaultsSince } from './faults';

/** A statistical recognizer: character-level sequence labeller over the original text. */
export interface SequenceModel {
  /** Spans with UTF-16 offsets into `text`. */
  predict(text: string): Span[];
}

/** File name of the shipped weights under `models/`. */
export const MODEL_FILE = 'ner.bin';

/**
 * Finds models/<file> by walking up from this module's directory. Covers running from src/ under
 * tsx (src/core/model → repo root), from the dist/server and dist/cli bundles (dist/x → root), and
 * from an installed extension whose models/ sits at the extension root.
 * NEWS_LENS_MODEL overrides the location (a file path).
 */
export function locateModelFile(file = MODEL_FILE, from = __dirname): string | undefined {
  const env = process.env.NEWS_LENS_MODEL;
  if (env && fs.existsSync(env)) return env;
  let dir = from;
  for (let i = 0; i < 12; i++) {
    const p = path.join(dir, 'models', file);
    if (fs.existsSync(p)) return p;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

class SafeModel implements SequenceModel {
  constructor(private readonly m: RuntimeModel) {}
  predict(text: string): Span[] {
    try {
      return this.m.predict(typeof text === 'string' ? text : String(text ?? ''));
    } catch (err) {
      // the rules still label the text; say the model did not
      reportModelFault(`the statistical model failed on a text of ${typeof text === 'string' ? text.length : 0} characters (${err instanceof Error ? err.message : String(err)}); rules only for it`);
      return [];
    }
  }
}

let cached: SequenceModel | undefined;
let tried = false;
/** Milliseconds the last load took (0 when served from the cache). */
export let lastLoadMs = 0;

/** Loads a model from a weights file; throws on a missing or malformed file. */
export function loadModelFile(file: string): SequenceModel {
  return new SafeModel(new RuntimeModel(deserialize(fs.readFileSync(file))));
}

/** The model shipped with the extension, or undefined when no weights are available. Cached. */
export function loadDefaultModel(): SequenceModel | undefined {
  if (tried) return cached;
  tried = true;
  const t0 = performance.now();
  try {
    const file = locateModelFile();
    if (file) cached = loadModelFile(file);
  } catch {
    cached = undefined;
  }
  lastLoadMs = performance.now() - t0;
  return cached;
}
