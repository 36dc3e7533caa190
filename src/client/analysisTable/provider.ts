/**
 * The analysis as a read-only Markdown document under the `news-lens:` scheme
 * (news-lens:/<article> analysis.md?<source uri>), opened in the Markdown preview or as text. It
 * follows the article: a new analysis of the source updates the document.
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

export class AnalysisTableProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  constructor(private readonly store: SummaryStore) {
    this.disposables.push(
      store.onDidChange((src) => {
        for (const d of vscode.workspace.textDocuments) {
          if (d.uri.scheme === SCHEME && sourceOf(d.uri)?.toString() === src.toString()) this.emitter.fire(d.uri);
        }
      }),
    );
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const src = sourceOf(uri);
    if (!src) return vscode.l10n.t('No source article.');
    const summary = await this.store.summaryOf(src);
    if (!summary) return vscode.l10n.t('The News Lens language server is not running.');
    return analysisTable(summary, (m, ...a) => vscode.l10n.t(m, ...a), baseName(src));
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
