/**
 * What the client does when the language server process dies: start it again (the client re-opens
 * the documents and the highlights come back), up to four times in three minutes; at the fifth crash
 * it stops and says so in a message that names the log and offers to restart, instead of leaving
 * the editor silently without highlights. The same policy as vscode-languageclient's default, with a
 * message a reader can act on; the state is kept for the integration suite.
 */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type Message } from 'vscode-languageclient/node';

/** Restarts allowed within WINDOW_MS; one more crash in that time stops the server. */
const MAX_RESTARTS = 4;
const WINDOW_MS = 3 * 60 * 1000;

export interface ServerHealth {
  /** Crashes of this client's server so far. */
  crashes: number;
  /** The message shown when the client gave up restarting, if it did. */
  gaveUp?: string;
}

export class CrashPolicy implements ErrorHandler {
  private readonly restarts: number[] = [];
  readonly health: ServerHealth = { crashes: 0 };

  constructor(private readonly actions: { restart(): void; showLog(): void }) {}

  error(_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    // a few bad messages are survivable; a stream of them means the connection is broken
    return { action: count && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.health.crashes++;
    this.restarts.push(now);
    while (this.restarts.length > 0 && now - this.restarts[0] > WINDOW_MS) this.restarts.shift();
    if (this.restarts.length <= MAX_RESTARTS) return { action: CloseAction.Restart };
    const message = vscode.l10n.t(
      'News Lens: the language server crashed {0} times in 3 minutes and was not started again, so articles are not highlighted. Its log is in the Output panel (News Lens).',
      this.restarts.length,
    );
    this.health.gaveUp = message;
    const restart = vscode.l10n.t('Restart');
    const log = vscode.l10n.t('Show Log');
    void vscode.window.showErrorMessage(message, restart, log).then((choice) => {
      if (choice === restart) this.actions.restart();
      else if (choice === log) this.actions.showLog();
    });
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}
