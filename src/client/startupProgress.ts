/**
 * Shows what a cold start is doing (server notification `newsLens/status`): a progress indicator in
 * the status bar with "News Lens: loading the recognition model…", then "analysing X…", until the
 * first article's colours arrive.
 */
import * as vscode from 'vscode';
import type { StatusParams } from '../protocol';

export class StartupProgress implements vscode.Disposable {
  private finish: (() => void) | undefined;
  private report: ((message: string) => void) | undefined;
  /** Every message shown, in order (for the integration tests). */
  readonly shown: string[] = [];

  static message(p: StatusParams): string | undefined {
    if (p.phase === 'loading-model') return vscode.l10n.t('loading the recognition model…');
    if (p.phase === 'analysing') return p.file ? vscode.l10n.t('analysing {0}…', p.file) : vscode.l10n.t('analysing the article…');
    return undefined;
  }

  handle(p: StatusParams): void {
    const message = StartupProgress.message(p);
    if (p.state === 'begin' && !this.finish) {
      let done!: () => void;
      const ended = new Promise<void>((r) => (done = r));
      this.finish = done;
      void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'News Lens' }, (progress) => {
        this.report = (m) => progress.report({ message: m });
        if (message) this.report(message);
        return ended;
      });
    } else if (p.state === 'report' && message) this.report?.(message);
    if (message) this.shown.push(message);
    if (p.state === 'end') this.dispose();
  }

  dispose(): void {
    this.finish?.();
    this.finish = undefined;
    this.report = undefined;
  }
}
