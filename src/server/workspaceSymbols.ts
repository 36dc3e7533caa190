/** workspace/symbol over the open documents' analyses (what the server knows without reading disk). */
import type { SymbolInformation } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/types';
import { pinyinOf } from './core';
import { displayKind, firstMention, regionName } from './analysisUtil';
import { symbolKindFor } from './documentSymbols';

const LIMIT = 500;

function normalise(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** Substring match on name/aliases; for Latin queries also on toneless pinyin (e.g. "yinli"). */
export function matches(query: string, names: string[]): boolean {
  const q = normalise(query);
  if (!q) return true;
  for (const n of names) if (normalise(n).includes(q)) return true;
  if (/^[a-z]+$/.test(q)) {
    for (const n of names) {
      const py = normalise(pinyinOf(n)).normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      if (py.includes(q)) return true;
    }
  }
  return false;
}

export function workspaceSymbols(query: string, docs: { doc: TextDocument; analysis: Analysis }[]): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  for (const { doc, analysis } of docs) {
    for (const e of analysis.entities) {
      if (e.type === 'date') continue;
      if (!matches(query, [e.name, ...e.aliases])) continue;
      const m = firstMention(e);
      if (!m) continue;
      out.push({
        name: e.name,
        kind: symbolKindFor(displayKind(e)),
        containerName: regionName(analysis, m.regionId) ?? e.region,
        location: { uri: doc.uri, range: { start: doc.positionAt(m.start), end: doc.positionAt(m.end) } },
      });
      if (out.length >= LIMIT) return out;
    }
  }
  return out;
}
