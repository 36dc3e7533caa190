/**
 * Registers the reader features on top of the language client: the Regions view (article and
 * workspace modes), the status bar item, export, the analysis table, the highlighted-types picker
 * and the workspace index (configuration, progress, file watching is in the client options).
 */
import * as vscode from 'vscode';
import type { SummaryKind } from '../../protocol';
import { AnalysisTableProvider, SCHEME, showAnalysisTable } from '../analysisTable/provider';
import { exportArticle, exportWorkspace, type ExportArgs } from '../export/commands';
import { NewsLensStatusBar } from '../statusBar';
import { groupLabel, TREE_KINDS, type Rng } from './model';
import { configuredTypes, RegionsProvider, toRange, VIEW_ID, type Mode } from './provider';
import { isArticle, SummaryStore, type ReaderHost } from './store';
import { LegendDecorations } from '../legend';
import { RelationsPanel } from '../relationsView/panel';

export type { ReaderHost } from './store';

const HIGHLIGHT_KINDS: SummaryKind[] = ['official', 'person', 'title', 'company', 'government', 'organization', 'place', 'date'];

export interface RevealArgs {
  uri?: string | vscode.Uri;
  entityId?: string;
  /** Entity name (e.g. from a hover card in workspace mode). */
  name?: string;
  position?: { line: number; character: number };
}

function parseUri(u: string | vscode.Uri): vscode.Uri {
  return typeof u === 'string' ? vscode.Uri.parse(u) : u;
}

async function pickKinds(kinds: SummaryKind[], current: SummaryKind[], title: string): Promise<SummaryKind[] | undefined> {
  const items = kinds.map((k) => ({ label: groupLabel(k, (m, ...a) => vscode.l10n.t(m, ...a)), entityKind: k, picked: current.includes(k) }));
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title, placeHolder: vscode.l10n.t('Entity types to show') });
  return picked?.map((p) => p.entityKind);
}

export function registerReaderFeatures(context: vscode.ExtensionContext, host: ReaderHost): void {
  const store = new SummaryStore(host);
  const provider = new RegionsProvider(store, context.workspaceState);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  provider.attach(view);
  const status = new NewsLensStatusBar(store);
  const table = new AnalysisTableProvider(store);
  context.subscriptions.push(vscode.window.registerFileDecorationProvider(new LegendDecorations()));
  const relations = new RelationsPanel(context.extensionUri, store, host);
  context.subscriptions.push(relations);
  context.subscriptions.push(store, provider, view, status, table, vscode.workspace.registerFileSystemProvider(SCHEME, table, { isReadonly: true, isCaseSensitive: true }));

  // ---- workspace index: tell the server what to index, on every (re)start and on changes
  host.onClient((c) => {
    c.onDidChangeState((e) => {
      if (e.newState === 2 /* State.Running */) void store.configureWorkspace().catch(() => undefined);
    });
  });
  void store.configureWorkspace().catch(() => undefined);
  let progress: { report(v: { message?: string; increment?: number }): void; done(): void; last: number } | undefined;
  context.subscriptions.push(
    vscode.workspace.onDidChangeWorkspaceFolders(() => void store.configureWorkspace().catch(() => undefined)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('newsLens.workspace')) void store.configureWorkspace().catch(() => undefined);
    }),
    store.onWorkspaceProgress((p) => {
      if (p.state === 'begin' && !progress) {
        // Small folders index in a moment: a status bar spinner; large ones get a notification.
        const location = p.total >= 40 ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
        let finish!: () => void;
        const ended = new Promise<void>((r) => (finish = r));
        void vscode.window.withProgress({ location, title: vscode.l10n.t('News Lens: indexing the workspace') }, (reporter) => {
          progress = {
            last: 0,
            report: (v) => reporter.report(v),
            done: finish,
          };
          return ended;
        });
      }
      if (progress && p.total > 0) {
        const pct = Math.min(100, Math.floor((p.done / p.total) * 100));
        // before the first article is done the time goes into loading the model (in the indexing worker)
        const message = p.done === 0 ? vscode.l10n.t('loading the recognition model; {0} files to index…', p.total) : vscode.l10n.t('{0} of {1} articles{2}', p.done, p.total, p.file ? ` · ${p.file}` : '');
        progress.report({ message, increment: Math.max(0, pct - progress.last) });
        progress.last = pct;
      }
      if (p.state === 'end') {
        progress?.done();
        progress = undefined;
      }
    }),
  );

  const articleForCommands = () => (isArticle(vscode.window.activeTextEditor?.document) ? vscode.window.activeTextEditor!.document : provider.document);

  const reveal = async (args?: RevealArgs | string | vscode.Uri) => {
    const a: RevealArgs = typeof args === 'string' || args instanceof vscode.Uri ? { uri: args } : args ?? {};
    let doc = a.uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === parseUri(a.uri!).toString()) : undefined;
    if (a.uri && !doc) doc = await vscode.workspace.openTextDocument(parseUri(a.uri));
    doc ??= articleForCommands();
    let position = a.position ? new vscode.Position(a.position.line, a.position.character) : undefined;
    if (!a.uri && !a.entityId && !a.name && !position) {
      const ed = vscode.window.activeTextEditor;
      if (ed && ed.document === doc) position = ed.selection.active;
    }
    if (provider.currentMode === 'workspace' && a.name) {
      await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
      await provider.refresh();
      const n = provider.workspaceNode(a.name);
      if (n) await view.reveal(n, { select: true, focus: true, expand: true });
      return !!n;
    }
    if (provider.currentMode === 'workspace') await provider.setMode('article');
    if (doc) provider.setDocument(doc);
    await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
    await provider.refresh();
    const s = provider.currentSummary;
    let node = a.entityId ? provider.entityNode(a.entityId) : undefined;
    if (!node && a.name && s) {
      const e = s.entities.find((x) => x.name === a.name || x.aliases.includes(a.name!));
      if (e) node = provider.entityNode(e.id);
    }
    if (!node && position) node = provider.nodeAt(position);
    if (node) await view.reveal(node, { select: true, focus: true, expand: true });
    return !!node;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('newsLens.focusRegions', () => vscode.commands.executeCommand(`${VIEW_ID}.focus`)),
    vscode.commands.registerCommand('newsLens.revealInRegions', reveal),
    vscode.commands.registerCommand('newsLens.regions.refresh', () => provider.refresh()),
    vscode.commands.registerCommand('newsLens.regions.showWorkspace', () => provider.setMode('workspace')),
    vscode.commands.registerCommand('newsLens.regions.showArticle', () => provider.setMode('article')),
    vscode.commands.registerCommand('newsLens.regions.toggleMode', (mode?: Mode) => provider.setMode(mode ?? (provider.currentMode === 'article' ? 'workspace' : 'article'))),
    vscode.commands.registerCommand('newsLens.regions.filter', async (types?: string[]) => {
      const next = Array.isArray(types)
        ? TREE_KINDS.filter((k) => types.includes(k))
        : await pickKinds(TREE_KINDS, configuredTypes(), vscode.l10n.t('News Lens: Filter Regions View by Type'));
      if (!next) return undefined;
      await vscode.workspace.getConfiguration('newsLens.regionsView').update('types', next, vscode.ConfigurationTarget.Global);
      await provider.refresh();
      return next;
    }),
    vscode.commands.registerCommand('newsLens.regions.openMention', async (arg: { uri: string; range: Rng }) => {
      if (!arg?.uri || !arg.range) return undefined;
      const range = toRange(arg.range);
      provider.suppressFollow(arg.uri, range);
      const uri = vscode.Uri.parse(arg.uri);
      const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
      const target = visible?.document ?? (await vscode.workspace.openTextDocument(uri));
      const editor = await vscode.window.showTextDocument(target, {
        selection: range,
        preserveFocus: false,
        viewColumn: visible?.viewColumn,
        preview: !visible,
      });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return true;
    }),
    // For tests (not in the palette): the tree as plain data, after any pending refresh.
    vscode.commands.registerCommand('newsLens.regions.getTree', () => provider.plainTree()),
    vscode.commands.registerCommand('newsLens.statusBar.getState', () => status.state()),
    vscode.commands.registerCommand('newsLens.chooseHighlightedTypes', async (types?: string[]) => {
      const config = vscode.workspace.getConfiguration('newsLens.highlighting');
      const current = config.get<string[]>('types', HIGHLIGHT_KINDS);
      const next = Array.isArray(types)
        ? HIGHLIGHT_KINDS.filter((k) => types.includes(k))
        : await pickKinds(HIGHLIGHT_KINDS, HIGHLIGHT_KINDS.filter((k) => current.includes(k)), vscode.l10n.t('News Lens: Choose Highlighted Types'));
      if (!next) return undefined;
      await config.update('types', next, vscode.ConfigurationTarget.Global);
      return next;
    }),
    vscode.commands.registerCommand('newsLens.exportArticleCsv', (args?: ExportArgs) => exportArticle(store, 'csv', args ?? {}, articleForCommands())),
    vscode.commands.registerCommand('newsLens.exportArticleJson', (args?: ExportArgs) => exportArticle(store, 'json', args ?? {}, articleForCommands())),
    vscode.commands.registerCommand('newsLens.exportWorkspaceCsv', (args?: ExportArgs) => exportWorkspace(store, 'csv', args ?? {})),
    vscode.commands.registerCommand('newsLens.exportWorkspaceJson', (args?: ExportArgs) => exportWorkspace(store, 'json', args ?? {})),
    vscode.commands.registerCommand('newsLens.showLegend', async () => {
      await provider.setLegendExpanded(true);
      await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
      await provider.refresh();
      const node = provider.legend();
      if (node) await view.reveal(node, { select: false, focus: false, expand: true });
      return !!node;
    }),
    vscode.commands.registerCommand('newsLens.showRelations', async (args?: { scope?: 'article' | 'workspace'; uri?: string }) => {
      const scope = args?.scope ?? provider.currentMode;
      const doc = args?.uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri)) : articleForCommands();
      return relations.show(scope, doc);
    }),
    vscode.commands.registerCommand('newsLens.relations.export', (args?: { format?: 'svg' | 'png'; target?: string }) =>
      relations.export(args?.format === 'png' ? 'png' : 'svg', args?.target ? vscode.Uri.file(args.target) : undefined),
    ),
    // For tests (not in the palette): the view's state, and a click on a node inside the webview.
    vscode.commands.registerCommand('newsLens.relations.getState', () => relations.state()),
    vscode.commands.registerCommand('newsLens.relations.click', (name: string) => relations.click(name)),
    vscode.commands.registerCommand('newsLens.showAnalysisTable', (args?: { uri?: string; openAs?: 'preview' | 'text' }) => showAnalysisTable(args ?? {}, articleForCommands())),
  );
}
