/**
 * The analysis as a read-only Markdown document under the `news-lens:` scheme
 * (news-lens:/<article> (News Lens).md?<source uri>), served by a read-only file system provider and
 * opened in the Markdown preview or as text. It follows the article: a new analysis of the source
 * updates the document.
 */
import * as vscode from 'vscode';
import { baseName } from '../regionsView/provider';
import type { SummaryStore } from '../regionsView/store';
import { isArticle } from '../regionsView/store';
import { analysisTable } from './table';

export const SCHEME = 'news-lens';

export function tableUriFor(source: vscode.Uri): vscode.Uri {
  const name = baseName(source).replace(/\.[^.]*$/, '');
  return vscode.Uri.from({ scheme: SCHEME, path: `/${name} (News Lens).md`, query: encodeURIComponent(source.toString()) });
}

export function sourceOf(uri: vscode.Uri): vscode.Uri | undefined {
  try {
    return uri.query ? vscode.Uri.parse(decodeURIComponent(uri.query)) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A read-only file system for the `news-lens:` scheme rather than a TextDocumentContentProvider:
 * the Markdown preview watches the file it shows (`createFileSystemWatcher(new RelativePattern(uri,
 * '*'))`), and a scheme without a file system provider makes that watch fail in the workbench
 * (a logged CodeExpectedError "No file system provider found"). As a file system the table can be
 * stat'ed and watched, and a change of the article's analysis is announced as a change of the file,
 * which the preview and an open text editor both follow.
 */
export class AnalysisTableProvider implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  /** Per table URI: the last content served (for stat's size) and when it changed. */
  private readonly files = new Map<string, { mtime: number; size: number }>();
  private readonly ctime = Date.now();

  constructor(private readonly store: SummaryStore) {
    this.disposables.push(
      store.onDidChange((src) => {
        const changed: vscode.FileChangeEvent[] = [];
        for (const [key, f] of this.files) {
          const uri = vscode.Uri.parse(key);
          if (sourceOf(uri)?.toString() !== src.toString()) continue;
          f.mtime = Math.max(Date.now(), f.mtime + 1);
          changed.push({ type: vscode.FileChangeType.Changed, uri });
        }
        if (changed.length) this.emitter.fire(changed);
      }),
    );
  }

  /** The table as Markdown text. */
  async content(uri: vscode.Uri): Promise<string> {
    const src = sourceOf(uri);
    if (!src) return vscode.l10n.t('No source article.');
    const summary = await this.store.summaryOf(src);
    if (!summary) return vscode.l10n.t('The News Lens language server is not running.');
    return analysisTable(summary, (m, ...a) => vscode.l10n.t(m, ...a), baseName(src));
  }

  private entry(uri: vscode.Uri): { mtime: number; size: number } {
    const key = uri.toString();
    let f = this.files.get(key);
    if (!f) {
      f = { mtime: Date.now(), size: 0 };
      this.files.set(key, f);
    }
    return f;
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    if (!sourceOf(uri)) throw vscode.FileSystemError.FileNotFound(uri);
    const f = this.entry(uri);
    return { type: vscode.FileType.File, ctime: this.ctime, mtime: f.mtime, size: f.size, permissions: vscode.FilePermission.Readonly };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    if (!sourceOf(uri)) throw vscode.FileSystemError.FileNotFound(uri);
    const bytes = new TextEncoder().encode(await this.content(uri));
    this.entry(uri).size = bytes.byteLength;
    return bytes;
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined); // changes are announced for every table served
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

export async function showAnalysisTable(args: { uri?: string | vscode.Uri; openAs?: 'preview' | 'text' } = {}, fallback?: vscode.TextDocument): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const source = args.uri ? (typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : args.uri) : isArticle(active) ? active.uri : fallback?.uri;
  if (!source) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a news article to see its analysis.'));
    return undefined;
  }
  const uri = tableUriFor(source);
  const openAs = args.openAs ?? vscode.workspace.getConfiguration('newsLens.analysisTable').get<'preview' | 'text'>('openAs', 'preview');
  const doc = await vscode.workspace.openTextDocument(uri);
  if (openAs === 'preview') {
    try {
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
      return uri;
    } catch {
      /* no Markdown preview (extension disabled): show the text */
    }
  }
  await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  return uri;
}
