import type { Span } from '../types';

/** A statistical recognizer: character-level sequence labeller over the original text. */
export interface SequenceModel {
  /** Spans with UTF-16 offsets into `text`. */
  predict(text: string): Span[];
}

/** The model shipped with the extension, or undefined when no weights are available. */
export function loadDefaultModel(): SequenceModel | undefined {
  return undefined;
}
