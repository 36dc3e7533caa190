import type { Position } from './types';

/** Offset ↔ {line, character} over UTF-16 code units; lines end at \n, \r\n or \r. */
export interface LineIndex {
  readonly lineCount: number;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

export function createLineIndex(text: string): LineIndex {
  const starts: number[] = [0];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  return {
    lineCount: starts.length,
    positionAt(offset: number): Position {
      const off = Math.max(0, Math.min(n, Math.floor(Number.isFinite(offset) ? offset : 0)));
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= off) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo, character: off - starts[lo] };
    },
    offsetAt(position: Position): number {
      const line = Math.max(0, Math.min(starts.length - 1, Math.floor(position?.line ?? 0)));
      const lineStart = starts[line];
      const lineEnd = line + 1 < starts.length ? starts[line + 1] : n;
      return Math.max(lineStart, Math.min(lineEnd, lineStart + Math.max(0, Math.floor(position?.character ?? 0))));
    },
  };
}
