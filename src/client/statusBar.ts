/**
 * Status bar item with the numbers of officials and companies in the active article, in words
 * ("$(person) 9 officials  $(organization) 10 companies"), and the colour legend in its tooltip;
 * clicking it opens the Regions view.
 */
import * as vscode from 'vscode';
import type { ArticleSummary } from '../protocol';
import { isArticle, type SummaryStore } from './regionsView/store';
import { legendMarkdown } from './legend';

/** "9 officials", "1 company": what the status-bar item counts, in words. */
export function countLabel(n: number, what: 'officials' | 'companies'): string {
  if (what === 'officials') return n === 1 ? vscode.l10n.t('1 official') : vscode.l10n.t('{0} officials', n);
  return n === 1 ? vscode.l10n.t('1 company') : vscode.l10n.t('{0} companies', n);
}

export interface StatusCounts {
  officials: number;
  companies: number;
  people: number;
}

export function countsOf(summary: ArticleSummary): StatusCounts {
  let officials = 0;
  let companies = 0;
  let people = 0;
  for (const e of summary.entities) {
    if (e.kind === 'official') officials++;
    else if (e.kind === 'company') companies++;
    else if (e.kind === 'person') people++;
  }
  return { officials, companies, people };
}

export class NewsLensStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private gen = 0;
  private updating: Promise<void> = Promise.resolve();

  constructor(private readonly store: SummaryStore) {
    this.item = vscode.window.createStatusBarItem('newsLens.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = vscode.l10n.t('News Lens Entities');
    this.item.command = 'newsLens.focusRegions';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      // a language change (e.g. the article set to JSON) reopens the document without an editor change
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (d === vscode.window.activeTextEditor?.document) this.schedule(0);
      }),
      store.onDidChange((uri) => {
        if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.schedule(100);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('newsLens.statusBar.enabled') || e.affectsConfiguration('newsLens.languages')) this.schedule(0);
      }),
    );
    this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.updating = this.update();
    }, delay);
  }

  async update(): Promise<void> {
    const gen = ++this.gen;
    const doc = vscode.window.activeTextEditor?.document;
    const enabled = vscode.workspace.getConfiguration('newsLens.statusBar').get<boolean>('enabled', true);
    if (!enabled || !isArticle(doc)) {
      // keep showing the last article's numbers while the focus is in a panel or a non-article
      if (!enabled || (doc && !isArticle(doc))) this.hide();
      return;
    }
    let summary: ArticleSummary | undefined;
    try {
      summary = await this.store.summary(doc);
    } catch {
      return;
    }
    if (gen !== this.gen) return;
    if (!summary || summary.skipped || !summary.entities.length) {
      this.hide();
      return;
    }
    const c = countsOf(summary);
    this.item.text = `$(person) ${countLabel(c.officials, 'officials')}  $(organization) ${countLabel(c.companies, 'companies')}`;
    const md = new vscode.MarkdownString(undefined, true);
    md.supportHtml = true; // the legend paints each kind in its colour
    md.appendMarkdown(
      vscode.l10n.t('**News Lens**: {0} officials and {1} companies in this article ({2} other people, {3} entities in all).', c.officials, c.companies, c.people, summary.entities.length),
    );
    md.appendMarkdown('\n\n' + legendMarkdown());
    md.appendMarkdown('\n\n' + vscode.l10n.t('Click to open the Regions view.'));
    this.item.tooltip = md;
    this.item.accessibilityInformation = { label: vscode.l10n.t('{0} officials, {1} companies', c.officials, c.companies) };
    this.item.show();
    this.shown = true;
  }

  private hide(): void {
    this.item.hide();
    this.shown = false;
  }

  /** For tests: the item's state after pending updates. */
  async state(): Promise<{ text: string; visible: boolean; tooltip: string }> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.updating = this.update();
    }
    await this.updating;
    const tip = this.item.tooltip;
    return { text: this.item.text, visible: this.visible, tooltip: typeof tip === 'string' ? tip : tip?.value ?? '' };
  }

  private get visible(): boolean {
    // StatusBarItem has no `visible` getter; track through text + last show/hide
    return this.item.text !== '' && this.shown;
  }
  private shown = false;

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
