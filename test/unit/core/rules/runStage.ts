import { runRules, type Stage } from '../../../../src/core/rules/pipeline';
import type { RichSpan } from '../../../../src/core/rules/types';

/** The spans that `stages` alone (in this order, on a fresh context) find in `text`. */
export const runStages = (text: string, ...stages: Stage[]): RichSpan[] => runRules(text, stages);

/** The same, as `type:text` strings in text order. */
export const found = (text: string, ...stages: Stage[]): string[] => runStages(text, ...stages).map((s) => `${s.type}:${s.text}`);
