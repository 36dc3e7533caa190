/**
 * What the server accepts from a client, checked where it comes in. VS Code sends well-formed
 * messages; other LSP clients (neovim, scripts) may not, and nothing a client sends may crash the
 * server (issue 13). A malformed didOpen/didChange is refused here with a clear error, which
 * vscode-languageserver logs ("Notification handler … failed with message: …"); the document is
 * then not open, or keeps its last good text.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver/node';

const isPosition = (p: unknown): boolean => {
  const q = p as { line?: unknown; character?: unknown } | null;
  return !!q && typeof q === 'object' && Number.isFinite(q.line) && Number.isFinite(q.character);
};

function checkedVersion(version: unknown): number {
  return typeof version === 'number' && Number.isFinite(version) ? version : 0;
}

/** TextDocuments' document factory, refusing what no editor would send. */
export const checkedDocuments: TextDocumentsConfiguration<TextDocument> = {
  create(uri: unknown, languageId: unknown, version: unknown, content: unknown): TextDocument {
    if (typeof uri !== 'string' || uri === '') throw new Error(`didOpen ignored: the document URI is ${describe(uri)}, not a string`);
    if (typeof content !== 'string') throw new Error(`didOpen of ${uri} ignored: its text is ${describe(content)}, not a string`);
    // a language id or version of the wrong type is not worth refusing the document for
    return TextDocument.create(uri, typeof languageId === 'string' ? languageId : '', checkedVersion(version), content);
  },
  update(document: TextDocument, changes: unknown, version: unknown): TextDocument {
    if (!Array.isArray(changes)) throw new Error(`didChange of ${document.uri} ignored: contentChanges is ${describe(changes)}, not an array`);
    for (const c of changes as unknown[]) {
      const ch = c as { text?: unknown; range?: { start?: unknown; end?: unknown } } | null;
      if (!ch || typeof ch !== 'object' || typeof ch.text !== 'string') throw new Error(`didChange of ${document.uri} ignored: a change without text`);
      if (ch.range !== undefined && !(ch.range && isPosition(ch.range.start) && isPosition(ch.range.end))) {
        throw new Error(`didChange of ${document.uri} ignored: a change with a malformed range`);
      }
    }
    return TextDocument.update(document, changes as TextDocumentContentChangeEvent[], checkedVersion(version));
  },
};

function describe(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v;
}

/**
 * A document's file name for messages: the URI's last segment, percent-decoded when it can be
 * (file:///x/%zz-big.md is not decodable and stays as it is).
 */
export function displayName(uri: string): string {
  const last = String(uri).replace(/^.*\//, '');
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
