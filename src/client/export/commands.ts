/**
 * Export commands: the current article's or the workspace's entities as CSV or JSON. A save dialog
 * proposes a name next to the article (or in the workspace folder); `{ target }` skips the dialog
 * (tests, scripts). Returns the written file's URI.
 */
import * as vscode from 'vscode';
import type { SummaryStore } from '../regionsView/store';
import { isArticle } from '../regionsView/store';
import { articleCsv, articleJson, workspaceCsv, workspaceJson } from './format';

export type ExportFormat = 'csv' | 'json';

export interface ExportArgs {
  /** Article to export (default: the active editor's, or the Regions view's). */
  uri?: string | vscode.Uri;
  /** File path or URI to write; skips the save dialog. */
  target?: string | vscode.Uri;
}

function asUri(v: string | vscode.Uri): vscode.Uri {
  if (typeof v !== 'string') return v;
  return /^[a-z][a-z0-9+.-]+:/i.test(v) && !/^[a-z]:[\\/]/i.test(v) ? vscode.Uri.parse(v) : vscode.Uri.file(v);
}

function filters(format: ExportFormat): Record<string, string[]> {
  return format === 'csv' ? { [vscode.l10n.t('CSV (Excel)')]: ['csv'] } : { JSON: ['json'] };
}

async function write(target: vscode.Uri, content: string): Promise<void> {
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
}

async function done(target: vscode.Uri, silent: boolean): Promise<void> {
  if (silent) return;
  const open = vscode.l10n.t('Open');
  const reveal = vscode.l10n.t('Reveal in Explorer');
  const pick = await vscode.window.showInformationMessage(vscode.l10n.t('News Lens exported the entities to {0}.', target.fsPath || target.toString()), open, reveal);
  if (pick === open) await vscode.commands.executeCommand('vscode.open', target);
  else if (pick === reveal) await vscode.commands.executeCommand('revealFileInOS', target);
}

export async function exportArticle(store: SummaryStore, format: ExportFormat, args: ExportArgs = {}, fallback?: vscode.TextDocument): Promise<vscode.Uri | undefined> {
  let doc: vscode.TextDocument | undefined;
  if (args.uri) doc = await vscode.workspace.openTextDocument(asUri(args.uri));
  else doc = isArticle(vscode.window.activeTextEditor?.document) ? vscode.window.activeTextEditor!.document : fallback;
  if (!doc) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a news article to export its entities.'));
    return undefined;
  }
  const summary = await store.summary(doc);
  if (!summary || !summary.entities.length) {
    void vscode.window.showWarningMessage(vscode.l10n.t('News Lens found no entities to export in {0}.', doc.uri.path.replace(/^.*\//, '')));
    return undefined;
  }
  let target = args.target ? asUri(args.target) : undefined;
  if (!target) {
    const base = doc.uri.scheme === 'file' ? doc.uri : vscode.workspace.workspaceFolders?.[0]?.uri ?? doc.uri;
    const name = doc.uri.path.replace(/^.*\//, '').replace(/\.[^.]*$/, '') || 'article';
    const defaultUri = doc.uri.scheme === 'file' ? vscode.Uri.joinPath(base, '..', `${name}.entities.${format}`) : vscode.Uri.joinPath(base, `${name}.entities.${format}`);
    target = await vscode.window.showSaveDialog({ defaultUri, filters: filters(format), title: vscode.l10n.t('Export Article Entities') });
    if (!target) return undefined;
  }
  await write(target, format === 'csv' ? articleCsv(summary) : articleJson(summary));
  await done(target, !!args.target);
  return target;
}

export async function exportWorkspace(store: SummaryStore, format: ExportFormat, args: ExportArgs = {}): Promise<vscode.Uri | undefined> {
  const index = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('News Lens: waiting for the workspace index') },
    () => store.workspaceIndex(true),
  );
  if (!index || !index.entities.length) {
    void vscode.window.showWarningMessage(vscode.l10n.t('News Lens found no articles with entities in this workspace.'));
    return undefined;
  }
  let target = args.target ? asUri(args.target) : undefined;
  if (!target) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const defaultUri = folder ? vscode.Uri.joinPath(folder, `news-lens-entities.${format}`) : undefined;
    target = await vscode.window.showSaveDialog({ defaultUri, filters: filters(format), title: vscode.l10n.t('Export Workspace Entities') });
    if (!target) return undefined;
  }
  await write(target, format === 'csv' ? workspaceCsv(index) : workspaceJson(index));
  await done(target, !!args.target);
  return target;
}
