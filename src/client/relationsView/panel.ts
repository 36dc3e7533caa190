/**
 * The relations view ("who met whom"): a webview panel beside the article with its officials,
 * business people and companies (or the workspace's, in workspace mode) and the met / visited /
 * works-for edges between them (src/webview/relations.ts draws it with d3-force). No network: a
 * strict Content-Security-Policy admits only the bundled script, with a nonce. Clicking a node (or
 * Enter on it) jumps to its first mention; the picture exports as SVG or PNG.
 */
import * as vscode from 'vscode';
import { buildGraph, RelationsRequestMethod, type GraphNode, type RelationsGraph } from '../../protocol/relations';
import type { SummaryStore, ReaderHost } from '../regionsView/store';
import { baseName } from '../regionsView/provider';

export const RELATIONS_VIEW_TYPE = 'newsLens.relations';

const t = (message: string, ...args: (string | number)[]) => vscode.l10n.t(message, ...args);

function nonce(): string {
  let s = '';
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < 32; i++) s += chars.charAt(Math.floor(Math.random() * chars.length));
  return s;
}

/** Strings the webview shows, localised here (the webview has no l10n of its own). */
function labels(): Record<string, string> {
  const keys = ['met', 'visited', 'works for', 'official', 'person', 'company', 'go to the first mention', '{0} mentions', 'Relations graph', 'Who met whom — workspace', 'Who met whom — {0}', 'No officials, business people or companies in this article.'];
  return Object.fromEntries(keys.map((k) => [k, t(k, '{0}')]));
}

export interface RelationsState {
  open: boolean;
  scope?: RelationsGraph['scope'];
  source?: string;
  nodes: number;
  edges: number;
  rendered?: { nodes: number; edges: number };
  names: string[];
}

export class RelationsPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private graph: RelationsGraph | undefined;
  private source: vscode.Uri | undefined;
  private scope: RelationsGraph['scope'] = 'article';
  private rendered: { nodes: number; edges: number } | undefined;
  private renderWaiters: (() => void)[] = [];
  private exports = new Map<number, { resolve: (v: { data?: string; error?: string }) => void }>();
  private nextId = 1;
  private ready = false;
  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly extensionUri: vscode.Uri, private readonly store: SummaryStore, private readonly host: ReaderHost) {
    this.disposables.push(
      store.onDidChange((uri) => {
        if (this.panel && this.scope === 'article' && uri.toString() === this.source?.toString()) this.scheduleRefresh(300);
      }),
      store.onDidChangeWorkspace(() => {
        if (this.panel && this.scope === 'workspace') this.scheduleRefresh(600);
      }),
    );
  }

  /** Opens (or reveals) the view for an article, or for the workspace. */
  async show(scope: RelationsGraph['scope'], article: vscode.TextDocument | undefined): Promise<RelationsState> {
    this.scope = scope;
    this.source = scope === 'article' ? article?.uri : undefined;
    if (scope === 'article' && !article) {
      void vscode.window.showWarningMessage(t('Open a news article to see who met whom.'));
      return this.state();
    }
    if (!this.panel) this.create();
    else this.panel.reveal(vscode.ViewColumn.Beside, true);
    await this.refresh();
    return this.state();
  }

  private create(): void {
    const panel = vscode.window.createWebviewPanel(RELATIONS_VIEW_TYPE, t('News Lens: Who Met Whom'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')],
      retainContextWhenHidden: true,
    });
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'news-lens.svg');
    this.ready = false;
    this.rendered = undefined;
    panel.webview.html = this.html(panel.webview);
    panel.webview.onDidReceiveMessage((m) => void this.onMessage(m), undefined, this.disposables);
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.ready = false;
      for (const e of this.exports.values()) e.resolve({ error: 'closed' });
      this.exports.clear();
    }, undefined, this.disposables);
    this.panel = panel;
  }

  private html(webview: vscode.Webview): string {
    const n = nonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'relations.js'));
    const csp = [`default-src 'none'`, `img-src ${webview.cspSource} data: blob:`, `style-src 'nonce-${n}'`, `script-src 'nonce-${n}'`, `font-src ${webview.cspSource}`].join('; ');
    const kinds = ['official', 'person', 'company'].map((k) => `.k-${k} circle { fill: var(--vscode-newsLens-${k}Foreground); } td.k-${k} { color: var(--vscode-newsLens-${k}Foreground); }`).join('\n');
    return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${t('News Lens: Who Met Whom')}</title>
<style nonce="${n}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 12px; }
header { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
h1 { font-size: 1.1em; font-weight: 600; margin: 10px 8px 10px 0; flex: 1; }
button { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); border: 1px solid var(--vscode-button-border, transparent); padding: 3px 10px; cursor: pointer; }
button:hover { background: var(--vscode-button-secondaryHoverBackground); }
button:focus-visible, .node:focus-visible { outline: 2px solid var(--vscode-focusBorder); outline-offset: 2px; }
.legend { display: flex; gap: 14px; font-size: 0.9em; margin: 2px 0 6px; flex-wrap: wrap; }
.legend span::before { content: '●'; margin-right: 4px; }
.legend .k-official::before { color: var(--vscode-newsLens-officialForeground); }
.legend .k-person::before { color: var(--vscode-newsLens-personForeground); }
.legend .k-company::before { color: var(--vscode-newsLens-companyForeground); }
.legend .line::before { content: '—'; }
.legend .visited::before { content: '- -'; }
.legend .works-for::before { content: '···'; }
svg { display: block; max-width: 100%; height: auto; }
.bg { fill: transparent; }
.edge { stroke: var(--vscode-editor-foreground); stroke-opacity: 0.5; stroke-width: 1.5; }
.edge:hover { stroke-opacity: 1; stroke-width: 3; }
.visited { stroke-dasharray: 6 4; }
.works-for { stroke-dasharray: 2 3; }
.node { cursor: pointer; }
.node circle { stroke: var(--vscode-editor-background); stroke-width: 2; }
.node:hover circle, .node:focus circle { stroke: var(--vscode-focusBorder); stroke-width: 3; }
text { font-size: 12px; fill: var(--vscode-editor-foreground); text-anchor: middle; pointer-events: none; }
.english { font-size: 10px; opacity: 0.8; }
${kinds}
table { border-collapse: collapse; margin: 14px 0; font-size: 0.92em; }
td { padding: 3px 8px; border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,.3)); vertical-align: top; }
td.verb { opacity: 0.8; white-space: nowrap; }
td.sentence { opacity: 0.85; }
.official, td.k-official { font-weight: bold; }
.empty { opacity: 0.8; }
</style>
</head>
<body>
<header>
<h1 id="title">${t('Who met whom')}</h1>
<button id="export-svg" title="${t('Save the picture as an SVG file')}">${t('Export SVG')}</button>
<button id="export-png" title="${t('Save the picture as a PNG file')}">${t('Export PNG')}</button>
</header>
<div class="legend" aria-hidden="true"><span class="k-official">${t('official')}</span><span class="k-person">${t('business person')}</span><span class="k-company">${t('company')}</span><span class="line">${t('met')}</span><span class="visited">${t('visited')}</span><span class="works-for">${t('works for')}</span></div>
<div id="graph"></div>
<div id="list"></div>
<script nonce="${n}" src="${script}"></script>
</body>
</html>`;
  }

  private scheduleRefresh(delay: number): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), delay);
  }

  private async computeGraph(): Promise<RelationsGraph> {
    if (this.scope === 'workspace') {
      const c = await this.host.client();
      const g = c ? await c.sendRequest<RelationsGraph>(RelationsRequestMethod, { workspace: true }) : undefined;
      return g ?? { scope: 'workspace', nodes: [], edges: [] };
    }
    const uri = this.source;
    const doc = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const summary = doc ? await this.store.summary(doc) : uri ? await this.store.summaryOf(uri) : undefined;
    const g = summary ? buildGraph([{ uri: summary.uri, summary }], 'article') : { scope: 'article' as const, nodes: [], edges: [] };
    if (!g.title && uri) g.title = baseName(uri);
    return g;
  }

  async refresh(): Promise<void> {
    if (!this.panel) return;
    try {
      this.graph = await this.computeGraph();
    } catch {
      return; // server restarting: the next change refreshes
    }
    if (this.panel) this.panel.title = this.scope === 'workspace' ? t('Who Met Whom: Workspace') : t('Who Met Whom: {0}', this.source ? baseName(this.source) : '');
    this.post();
  }

  private post(): void {
    if (!this.panel || !this.ready || !this.graph) return;
    this.rendered = undefined;
    void this.panel.webview.postMessage({ type: 'graph', graph: this.graph, labels: labels() });
  }

  private async onMessage(m: { type?: string; key?: string; nodes?: number; edges?: number; format?: 'svg' | 'png'; id?: number; data?: string; error?: string }): Promise<void> {
    if (!m || typeof m.type !== 'string') return;
    if (m.type === 'ready') {
      this.ready = true;
      this.post();
    } else if (m.type === 'rendered') {
      this.rendered = { nodes: m.nodes ?? 0, edges: m.edges ?? 0 };
      for (const w of this.renderWaiters.splice(0)) w();
    } else if (m.type === 'open' && m.key) {
      const node = this.graph?.nodes.find((n) => n.key === m.key);
      if (node?.first) await vscode.commands.executeCommand('newsLens.regions.openMention', { uri: node.first.uri, range: node.first.range });
    } else if (m.type === 'exported' && m.format) {
      const pending = m.id !== undefined ? this.exports.get(m.id) : undefined;
      if (pending) {
        this.exports.delete(m.id!);
        pending.resolve({ data: m.data, error: m.error });
      } else if (m.data) await this.saveWithDialog(m.format, m.data);
      else if (m.error) void vscode.window.showErrorMessage(t('News Lens could not export the picture: {0}', m.error));
    }
  }

  private bytes(format: 'svg' | 'png', data: string): Uint8Array {
    return format === 'svg' ? new TextEncoder().encode(data) : Buffer.from(data.replace(/^data:image\/png;base64,/, ''), 'base64');
  }

  private async saveWithDialog(format: 'svg' | 'png', data: string): Promise<void> {
    const base = this.scope === 'workspace' ? 'workspace' : this.source ? baseName(this.source).replace(/\.[^.]*$/, '') : 'article';
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const defaultUri = folder ? vscode.Uri.joinPath(folder, `${base}-relations.${format}`) : undefined;
    const target = await vscode.window.showSaveDialog({ defaultUri, filters: format === 'svg' ? { SVG: ['svg'] } : { PNG: ['png'] }, title: t('Export the relations picture') });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, this.bytes(format, data));
    vscode.window.setStatusBarMessage(t('News Lens: saved {0}', baseName(target)), 4000);
  }

  /** Exports the picture to `target` (or asks where, when none is given). Resolves with the target written. */
  async export(format: 'svg' | 'png', target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    if (!this.panel) return undefined;
    await this.whenRendered();
    if (!target) {
      void this.panel.webview.postMessage({ type: 'export', format });
      return undefined;
    }
    const id = this.nextId++;
    const answer = new Promise<{ data?: string; error?: string }>((resolve) => this.exports.set(id, { resolve }));
    void this.panel.webview.postMessage({ type: 'export', format, id });
    const r = await Promise.race([answer, new Promise<{ data?: string; error?: string }>((res) => setTimeout(() => res({ error: "no answer from the view" }), 15_000))]);
    if (!r.data) throw new Error(`export failed: ${r.error ?? 'no data'}`);
    await vscode.workspace.fs.writeFile(target, this.bytes(format, r.data));
    return target;
  }

  /** A click on a node, dispatched inside the webview as a DOM click (integration tests). */
  async click(name: string): Promise<boolean> {
    await this.whenRendered();
    const node = this.graph?.nodes.find((n: GraphNode) => n.name === name || n.key === name);
    if (!this.panel || !node) return false;
    return this.panel.webview.postMessage({ type: 'click', key: node.key });
  }

  private whenRendered(ms = 15_000): Promise<void> {
    if (this.rendered) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.renderWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async state(): Promise<RelationsState> {
    if (this.panel && this.graph) await this.whenRendered(10_000);
    return {
      open: !!this.panel,
      scope: this.panel ? this.scope : undefined,
      source: this.source?.toString(),
      nodes: this.graph?.nodes.length ?? 0,
      edges: this.graph?.edges.length ?? 0,
      rendered: this.rendered,
      names: this.graph?.nodes.map((n) => n.name) ?? [],
    };
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
