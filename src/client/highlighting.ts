/**
 * Paints entity mentions as editor decorations, one decoration type per display kind, coloured by
 * ThemeColors this extension contributes (light, dark and high-contrast defaults, overridable in
 * `workbench.colorCustomizations`). Why decorations and not semantic tokens: see
 * src/server/entityRanges.ts. We never edit the document or move the caret; repaints are debounced
 * so IME composition (many intermediate edits) does not flicker: between repaints VS Code shifts
 * existing decorations along with the text.
 */
import * as vscode from 'vscode';
import type { EntityRangeGroup } from '../protocol';

export type DecorationKind = 'official' | 'person' | 'title' | 'company' | 'government' | 'organization' | 'place' | 'date';

export const DECORATION_KINDS: readonly DecorationKind[] = ['official', 'person', 'title', 'company', 'government', 'organization', 'place', 'date'];

export function decorationKind(g: Pick<EntityRangeGroup, 'type' | 'role'>): DecorationKind {
  if (g.type === 'person') return g.role === 'official' ? 'official' : 'person';
  return g.type;
}

export interface PaintGroup {
  kind: DecorationKind;
  ranges: vscode.Range[];
}

export interface RangeSource {
  /** Ranges for a document at its current version, or undefined if not (yet) available. */
  fetch(uri: vscode.Uri, token: { cancelled: boolean }): Promise<{ version: number | null; groups: PaintGroup[] } | undefined>;
}

// The server already waited for quiet before analysing (documentCache.editDelay), and the ranges come
// with their version, so a repaint can follow the server's word at once; decorations shift with the
// text meanwhile, so nothing flickers.
const REPAINT_DELAY_MS = 0;

/** Kinds the user chose to highlight (setting newsLens.highlighting.types; default all). */
export function highlightedKinds(): Set<DecorationKind> {
  const v = vscode.workspace.getConfiguration('newsLens.highlighting').get<string[]>('types');
  return new Set(Array.isArray(v) ? DECORATION_KINDS.filter((k) => v.includes(k)) : DECORATION_KINDS);
}

export class Highlighter implements vscode.Disposable {
  private readonly types = new Map<DecorationKind, vscode.TextEditorDecorationType>();
  private readonly painted = new Map<string, { version: number; groups: PaintGroup[] }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly tokens = new Map<string, { cancelled: boolean }>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly paintEmitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after decorations for a document were (re)applied or cleared. */
  readonly onDidPaint = this.paintEmitter.event;
  private enabled: boolean;

  constructor(private readonly source: RangeSource) {
    this.enabled = vscode.workspace.getConfiguration('newsLens').get<boolean>('highlighting.enabled', true);
    for (const kind of DECORATION_KINDS) {
      this.types.set(
        kind,
        vscode.window.createTextEditorDecorationType({
          color: new vscode.ThemeColor(`newsLens.${kind}Foreground`),
          fontWeight: kind === 'official' ? 'bold' : undefined,
          rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
        }),
      );
    }
    this.disposables.push(
      this.paintEmitter,
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const e of editors) this.schedule(e.document.uri, 0);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('newsLens.highlighting.enabled')) {
          this.setEnabled(vscode.workspace.getConfiguration('newsLens').get<boolean>('highlighting.enabled', true));
        }
        if (e.affectsConfiguration('newsLens.highlighting.types') && this.enabled) this.repaintAll();
      }),
    );
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  setEnabled(on: boolean): void {
    if (on === this.enabled) return;
    this.enabled = on;
    if (on) this.repaintAll();
    else for (const editor of vscode.window.visibleTextEditors) this.clear(editor);
  }

  /** The server says this document's analysis changed. */
  analysisChanged(uri: vscode.Uri): void {
    this.schedule(uri, REPAINT_DELAY_MS);
  }

  repaintAll(): void {
    for (const e of vscode.window.visibleTextEditors) this.schedule(e.document.uri, 0);
  }

  /** What is currently painted for a document (for tests and the API). */
  paintedRanges(uri: vscode.Uri): PaintGroup[] {
    return this.painted.get(uri.toString())?.groups ?? [];
  }

  private schedule(uri: vscode.Uri, delay: number): void {
    const key = uri.toString();
    const old = this.timers.get(key);
    if (old) clearTimeout(old);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.paint(uri);
      }, delay),
    );
  }

  private async paint(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const editors = vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === key);
    if (!editors.length) return;
    if (!this.enabled) {
      for (const e of editors) this.clear(e);
      return;
    }
    const previous = this.tokens.get(key);
    if (previous) previous.cancelled = true;
    const token = { cancelled: false };
    this.tokens.set(key, token);
    let result: Awaited<ReturnType<RangeSource['fetch']>>;
    try {
      result = await this.source.fetch(uri, token);
    } catch {
      return; // server restarting or gone; the next analysisChanged repaints
    }
    if (token.cancelled || !this.enabled || !result) return;
    const doc = editors[0].document;
    if (result.version === null) return; // not a document the server tracks (e.g. language excluded)
    if (result.version !== doc.version) {
      // The user typed meanwhile; the server will notify again for the new version.
      return;
    }
    const byKind = new Map<DecorationKind, vscode.Range[]>();
    const shown = highlightedKinds();
    for (const g of result.groups) {
      if (!shown.has(g.kind)) continue;
      const list = byKind.get(g.kind) ?? [];
      list.push(...g.ranges);
      byKind.set(g.kind, list);
    }
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() !== key) continue;
      for (const [kind, type] of this.types) editor.setDecorations(type, byKind.get(kind) ?? []);
    }
    this.painted.set(key, { version: result.version, groups: [...byKind].map(([kind, ranges]) => ({ kind, ranges })) });
    this.paintEmitter.fire(uri);
  }

  private clear(editor: vscode.TextEditor): void {
    for (const type of this.types.values()) editor.setDecorations(type, []);
    this.painted.delete(editor.document.uri.toString());
    this.paintEmitter.fire(editor.document.uri);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
    const tok = this.tokens.get(key);
    if (tok) tok.cancelled = true;
    this.tokens.delete(key);
    this.painted.delete(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const type of this.types.values()) type.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
