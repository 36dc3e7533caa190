/**
 * The Regions view: a tree for the active article (regions → entity types → entities → mentions)
 * or, in workspace mode, for every article in the workspace. Follows the active editor and the
 * cursor; clicking a mention selects it in the editor. Tooltips are built lazily in resolveTreeItem.
 */
import * as vscode from 'vscode';
import type { ArticleSummary, SummaryKind, WorkspaceIndexResult } from '../../protocol';
import {
  buildArticleTree,
  buildWorkspaceTree,
  entityDetail,
  findNode,
  kindName,
  mentionAtPosition,
  relationIndex,
  toPlain,
  TREE_KINDS,
  type PlainNode,
  type Rng,
  type TreeNode,
} from './model';
import { isArticle, type SummaryStore } from './store';
import { LEGEND_KINDS, legendExample, legendLabel, legendUri } from '../legend';

export const VIEW_ID = 'newsLens.regions';
export type Mode = 'article' | 'workspace';

const t = (message: string, ...args: (string | number)[]) => vscode.l10n.t(message, ...args);

const ICONS: Record<SummaryKind, string> = {
  official: 'person',
  person: 'account',
  title: 'tag',
  company: 'organization',
  government: 'library',
  organization: 'group-by-ref-type',
  place: 'location',
  date: 'calendar',
};

export function kindIcon(kind: SummaryKind): vscode.ThemeIcon {
  return new vscode.ThemeIcon(ICONS[kind], new vscode.ThemeColor(`newsLens.${kind}Foreground`));
}

export function toRange(r: Rng): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function configuredTypes(): SummaryKind[] {
  const v = vscode.workspace.getConfiguration('newsLens.regionsView').get<string[]>('types', TREE_KINDS);
  return TREE_KINDS.filter((k) => !Array.isArray(v) || v.includes(k));
}

export class RegionsProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined | void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private roots: TreeNode[] = [];
  private mode: Mode = 'article';
  private doc: vscode.TextDocument | undefined;
  private summary: ArticleSummary | undefined;
  private index: WorkspaceIndexResult | undefined;
  private refreshing: Promise<void> = Promise.resolve();
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  view!: vscode.TreeView<TreeNode>;
  private readonly disposables: vscode.Disposable[] = [];
  /** The selection our own navigation (clicking a mention) makes is not followed back into the tree. */
  private ownSelection: { uri: string; range: vscode.Range; until: number } | undefined;
  private followTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly store: SummaryStore, private readonly state: vscode.Memento) {
    this.mode = state.get<Mode>('newsLens.regions.mode', 'article') === 'workspace' ? 'workspace' : 'article';
    this.disposables.push(
      this.emitter,
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e && isArticle(e.document) && e.document !== this.doc) {
          this.doc = e.document;
          if (this.mode === 'article') this.scheduleRefresh(0);
        }
      }),
      // a language change reopens the document: the active editor's document may have become an article
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (d === vscode.window.activeTextEditor?.document && isArticle(d) && d !== this.doc) {
          this.doc = d;
          if (this.mode === 'article') this.scheduleRefresh(0);
        }
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d !== this.doc) return;
        // follow to another visible article, else show the welcome view
        this.doc = vscode.window.visibleTextEditors.map((e) => e.document).find((x) => x !== d && isArticle(x));
        if (this.mode === 'article') this.scheduleRefresh(0);
      }),
      store.onDidChange((uri) => {
        if (this.mode === 'article' && uri.toString() === this.doc?.uri.toString()) this.scheduleRefresh(150);
        if (this.mode === 'workspace') this.scheduleRefresh(600);
      }),
      store.onDidChangeWorkspace(() => {
        if (this.mode === 'workspace') this.scheduleRefresh(300);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('newsLens.regionsView.types')) this.scheduleRefresh(0);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => this.followCursor(e)),
    );
    const active = vscode.window.activeTextEditor?.document;
    if (isArticle(active)) this.doc = active;
    void vscode.commands.executeCommand('setContext', 'newsLens.regionsMode', this.mode);
  }

  attach(view: vscode.TreeView<TreeNode>): void {
    this.view = view;
    this.disposables.push(
      view.onDidExpandElement((e) => {
        if (e.element.kind === 'legend') void this.setLegendExpanded(true);
      }),
      view.onDidCollapseElement((e) => {
        if (e.element.kind === 'legend') void this.setLegendExpanded(false);
      }),
      view.onDidChangeVisibility((e) => {
        if (e.visible) this.scheduleRefresh(0);
      }),
    );
    this.scheduleRefresh(0);
  }

  get currentMode(): Mode {
    return this.mode;
  }

  get document(): vscode.TextDocument | undefined {
    return this.doc;
  }

  async setMode(mode: Mode): Promise<void> {
    this.mode = mode;
    await this.state.update('newsLens.regions.mode', mode);
    await vscode.commands.executeCommand('setContext', 'newsLens.regionsMode', mode);
    this.roots = [];
    this.emitter.fire();
    await this.refresh();
  }

  /** Show a specific document (reveal from a hover card for an article that is not active). */
  setDocument(doc: vscode.TextDocument): void {
    if (doc !== this.doc) {
      this.doc = doc;
      this.summary = undefined;
    }
  }

  scheduleRefresh(delay: number): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.refresh();
    }, delay);
  }

  /** Rebuilds the tree from the server's current answer; resolves when it is shown. */
  refresh(): Promise<void> {
    if (this.refreshTimer) {
      clearTimeout(this.refreshTimer);
      this.refreshTimer = undefined;
    }
    const gen = ++this.generation;
    const run = async () => {
      let roots: TreeNode[] = [];
      let message: string | undefined;
      try {
        if (this.mode === 'article') {
          const doc = this.doc;
          const summary = doc && !doc.isClosed ? await this.store.summary(doc) : undefined;
          if (gen !== this.generation) return;
          this.summary = summary;
          if (summary) roots = buildArticleTree(summary, { types: configuredTypes(), t });
          if (doc && summary && !roots.length) message = t('No entities found in {0}.', baseName(doc.uri));
          else if (summary?.truncated) message = t('Only the first part of this long article was analysed (setting newsLens.maxDocumentSize).');
        } else {
          const index = await this.store.workspaceIndex(false);
          if (gen !== this.generation) return;
          this.index = index;
          if (index) roots = buildWorkspaceTree(index, { types: configuredTypes(), t });
          if (index?.indexing) message = t('Indexing the workspace… {0} articles so far.', index.articleCount);
          else if (index && !roots.length) message = t('No articles with Chinese text in this workspace.');
          else if (index) message = t('{0} articles in the workspace.', index.articleCount);
        }
      } catch {
        // server restarting: keep what we have; the next analysisChanged refreshes
        return;
      }
      if (gen !== this.generation) return;
      this.roots = roots.length ? [legendNode(this.legendExpanded), ...roots] : roots;
      if (this.view) {
        this.view.message = message;
        this.view.description = this.mode === 'article' ? (this.doc ? baseName(this.doc.uri) : undefined) : t('Workspace');
      }
      this.emitter.fire();
    };
    this.refreshing = run();
    return this.refreshing;
  }

  /** The tree as plain data, after any pending refresh (for tests). */
  async plainTree(): Promise<{ mode: Mode; uri?: string; nodes: PlainNode[]; selected: string[]; visible: boolean; message?: string }> {
    if (this.refreshTimer) await this.refresh();
    else await this.refreshing;
    return {
      mode: this.mode,
      uri: this.mode === 'article' ? this.doc?.uri.toString() : undefined,
      nodes: toPlain(this.roots),
      selected: this.view?.selection.map((n) => n.id) ?? [],
      visible: !!this.view?.visible,
      message: this.view?.message,
    };
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return node ? node.children : this.roots;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const label: vscode.TreeItemLabel = { label: node.label, highlights: node.highlights };
    const state = node.children.length
      ? node.expanded
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed
      : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(label, state);
    item.id = node.id;
    item.description = node.description;
    item.contextValue = `newsLens.${node.kind}`;
    switch (node.kind) {
      case 'lead':
        item.iconPath = new vscode.ThemeIcon('note');
        break;
      case 'region':
        // the article's own sections: a globe; regions News Lens inferred: a compass (and "inferred" in the description)
        item.iconPath = new vscode.ThemeIcon(node.inferred ? 'compass' : node.section ? 'globe' : 'location');
        break;
      case 'group':
      case 'entity':
      case 'related':
        item.iconPath = node.entityKind ? kindIcon(node.entityKind) : undefined;
        break;
      case 'relations':
        item.iconPath = new vscode.ThemeIcon('link');
        break;
      case 'article':
        item.iconPath = vscode.ThemeIcon.File;
        if (node.uri) item.resourceUri = vscode.Uri.parse(node.uri);
        break;
      case 'mention':
        item.iconPath = new vscode.ThemeIcon('quote');
        break;
      case 'legend':
        item.iconPath = new vscode.ThemeIcon('symbol-color');
        break;
      case 'legendItem':
        if (node.entityKind) {
          item.iconPath = new vscode.ThemeIcon('circle-large-filled', new vscode.ThemeColor(`newsLens.${node.entityKind}Foreground`));
          item.resourceUri = legendUri(node.entityKind); // LegendDecorations paints the label in the colour
        }
        break;
    }
    if ((node.kind === 'mention' || node.kind === 'related' || (node.kind === 'region' && !node.children.length)) && node.uri && node.range) {
      item.command = { command: 'newsLens.regions.openMention', title: t('Go to Mention'), arguments: [{ uri: node.uri, range: node.range }] };
    }
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    item.tooltip = this.tooltip(node);
    return item;
  }

  private tooltip(node: TreeNode): vscode.MarkdownString | undefined {
    const md = new vscode.MarkdownString(undefined, true);
    md.supportThemeIcons = true;
    const esc = (s: string) => s.replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, '\\$1');
    const s = this.summary;
    if (node.kind === 'entity' && this.mode === 'article' && s && node.entityId) {
      const e = s.entities.find((x) => x.id === node.entityId);
      if (!e) return undefined;
      md.appendMarkdown(`**${esc(e.name)}**${e.pinyin ? ` *${esc(e.pinyin)}*` : ''} — ${esc(kindName(e.kind, t))}\n\n`);
      const titles = [...new Set(e.titles.map((x) => (x.full && x.full !== x.inText ? `${x.inText} → ${x.full}` : x.inText)))];
      if (titles.length) md.appendMarkdown(`${esc(titles.join('；'))}\n\n`);
      const detail = entityDetail(e);
      if (e.organization && !detail?.includes(e.organization)) md.appendMarkdown(`${esc(e.organization)}\n\n`);
      if (e.region) md.appendMarkdown(`${esc(t('Region: {0}', e.region))}\n\n`);
      // why the entity is listed in this region (grouping.ts: post, visit, name, listing, met by …)
      const why = s.regions.find((r) => r.id === node.regionId)?.reasons?.[e.id];
      if (why && why.rule !== 'section') md.appendMarkdown(`${esc(t('Why here: {0}', `${reasonLabel(why.rule)} (${why.evidence})`))}\n\n`);
      if (e.aliases.length) md.appendMarkdown(`${esc(t('Also: {0}', e.aliases.join('、')))}\n\n`);
      const rel = relationIndex(s).get(e.id);
      const names = (ids: string[]) => ids.map((id) => s.entities.find((x) => x.id === id)?.name ?? id).join('、');
      if (rel?.met.length) md.appendMarkdown(`${esc(t('Met: {0}', names(rel.met)))}\n\n`);
      if (rel?.metBy.length) md.appendMarkdown(`${esc(t('Met by: {0}', names(rel.metBy)))}\n\n`);
      md.appendMarkdown(esc(t('{0} mentions in the article, {1} here', e.mentionCount, node.count ?? 0)));
      return md;
    }
    if ((node.kind === 'region' || node.kind === 'lead') && s && this.mode === 'article') {
      const r = s.regions.find((x) => x.id === node.regionId);
      md.appendMarkdown(`**${esc(r?.full ?? node.label)}**${r ? ` — ${esc(levelName(r.level))}${r.inferred ? ` · ${esc(t('inferred'))}` : ''}` : ''}\n\n`);
      md.appendMarkdown(`${esc(node.description ?? '')}\n\n`);
      // which companies/people this region's leaders met
      const officials = node.children.find((c) => c.kind === 'group' && c.entityKind === 'official')?.children ?? [];
      const rel = relationIndex(s);
      const lines: string[] = [];
      for (const o of officials) {
        const met = rel.get(o.entityId!)?.met ?? [];
        if (met.length) lines.push(`- ${esc(o.label)} → ${esc(met.map((id) => s.entities.find((x) => x.id === id)?.name ?? id).join('、'))}`);
      }
      if (lines.length) md.appendMarkdown(`${esc(t('Leaders met:'))}\n\n${lines.join('\n')}`);
      return md;
    }
    if (node.kind === 'entity' && this.mode === 'workspace' && this.index) {
      const e = this.index.entities.find((x) => x.key === node.entityKey);
      if (!e) return undefined;
      md.appendMarkdown(`**${esc(e.name)}** — ${esc(kindName(e.kind, t))}\n\n`);
      if (e.titles.length) md.appendMarkdown(`${esc(e.titles.join('；'))}\n\n`);
      if (e.regions.length) md.appendMarkdown(`${esc(t('Regions: {0}', e.regions.join('、')))}\n\n`);
      md.appendMarkdown(e.articles.map((a) => `- ${esc(a.path)} (${a.mentionCount})`).join('\n'));
      return md;
    }
    if (node.kind === 'mention') {
      md.appendMarkdown(esc(node.label));
      return md;
    }
    return undefined;
  }

  /** The entity node for the mention under the cursor, in article mode. */
  nodeAt(pos: vscode.Position): TreeNode | undefined {
    const s = this.summary;
    if (!s) return undefined;
    const m = mentionAtPosition(s, { line: pos.line, character: pos.character });
    if (!m) return undefined;
    return this.entityNode(m.entityId, m.regionId);
  }

  entityNode(entityId: string, regionId?: string): TreeNode | undefined {
    if (regionId !== undefined) {
      const exact = findNode(this.roots, (n) => n.kind === 'entity' && n.entityId === entityId && n.regionId === regionId);
      if (exact) return exact;
    }
    // the region where the article says most about it
    let best: TreeNode | undefined;
    const visit = (ns: TreeNode[]) => {
      for (const n of ns) {
        if (n.kind === 'entity' && n.entityId === entityId && (!best || (n.count ?? 0) > (best.count ?? 0))) best = n;
        if (n.kind === 'region' || n.kind === 'lead' || n.kind === 'group') visit(n.children);
      }
    };
    visit(this.roots);
    return best;
  }

  /** Workspace-mode node of an entity by name (reveal from a hover card while in workspace mode). */
  workspaceNode(name: string): TreeNode | undefined {
    return findNode(this.roots, (n) => n.kind === 'entity' && n.label === name);
  }

  /** Whether the colour legend is open (remembered for the workspace; newsLens.showLegend opens it). */
  get legendExpanded(): boolean {
    return this.state.get<boolean>('newsLens.regions.legendExpanded', false);
  }

  setLegendExpanded(open: boolean): Thenable<void> {
    return this.state.update('newsLens.regions.legendExpanded', open);
  }

  /** The colour legend node, when the tree shows one. */
  legend(): TreeNode | undefined {
    return this.roots.find((n) => n.kind === 'legend');
  }

  get currentSummary(): ArticleSummary | undefined {
    return this.summary;
  }

  /** Don't move the tree's selection when the editor selects `range` because the tree asked for it. */
  suppressFollow(uri: string, range: vscode.Range, ms = 2000): void {
    this.ownSelection = { uri, range, until: Date.now() + ms };
  }

  private followCursor(e: vscode.TextEditorSelectionChangeEvent): void {
    if (this.mode !== 'article' || !this.view?.visible) return;
    if (e.textEditor.document !== this.doc) return;
    if (!vscode.workspace.getConfiguration('newsLens.regionsView').get<boolean>('followCursor', true)) return;
    const own = this.ownSelection;
    if (own && Date.now() < own.until && own.uri === e.textEditor.document.uri.toString() && e.selections[0]?.isEqual(own.range)) return;
    if (this.followTimer) clearTimeout(this.followTimer);
    const pos = e.selections[0]?.active;
    this.followTimer = setTimeout(() => {
      if (!pos || !this.summary || this.summary.version !== e.textEditor.document.version) return;
      const node = this.nodeAt(pos);
      if (node) void Promise.resolve(this.view.reveal(node, { select: true, focus: false, expand: false })).catch(() => undefined);
    }, 250);
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    if (this.followTimer) clearTimeout(this.followTimer);
    for (const d of this.disposables) d.dispose();
  }
}

/** The colour legend at the top of the tree (collapsed until opened; VS Code remembers). */
export function legendNode(expanded = false): TreeNode {
  const legend: TreeNode = { id: 'legend', kind: 'legend', label: t('Colour legend'), description: t('8 kinds'), expanded, children: [] };
  for (const k of LEGEND_KINDS) {
    legend.children.push({ id: `legend/${k}`, kind: 'legendItem', label: legendLabel(k), description: legendExample(k), entityKind: k, parent: legend, children: [] });
  }
  return legend;
}

/** The grouping's rule, as a reader reads it. */
function reasonLabel(rule: string): string {
  switch (rule) {
    case 'post': return t('the region of the post');
    case 'central-post': return t('a central post');
    case 'sar-post': return t('a Hong Kong or Macau post');
    case 'article-region': return t('a post without its region, placed by the article');
    case 'visit': return t('visited there');
    case 'name': return t('its name');
    case 'listing': return t('its stock listing');
    case 'employer': return t('its company');
    case 'met-by': return t('the official who met it');
    case 'home': return t('the dateline or source');
    default: return rule;
  }
}

function levelName(level: string): string {
  switch (level) {
    case 'central': return t('central');
    case 'province': return t('province');
    case 'city': return t('city');
    case 'district': return t('district');
    case 'country': return t('country');
    default: return t('region');
  }
}

export function baseName(uri: vscode.Uri): string {
  return uri.path.replace(/^.*\//, '') || uri.toString();
}
