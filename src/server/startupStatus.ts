/**
 * Says what a cold start is doing. The first article opened waits for the recognition model to load
 * (a few hundred milliseconds, seconds on a busy machine) and then for its analysis: the client is
 * told each phase (`newsLens/status`) before it starts, so the reader sees "loading the recognition
 * model…" and "analysing X…" rather than an editor without colours. Sent once per server.
 */
import type { Connection } from 'vscode-languageserver/node';
import { loadDefaultModel } from '../core/model';
import { StatusNotificationMethod, type StatusParams } from '../protocol';

export interface StartupStatus {
  /** An article was opened: before its first analysis, load the model with the client told so. */
  opened(uri: string, isArticle: boolean): void;
  /** An analysis finished: the cold start is over. */
  analysed(): void;
}

export function startupStatus(connection: Connection, log: (m: string) => void): StartupStatus {
  let phase: 'idle' | 'running' | 'done' = 'idle';
  const send = (p: StatusParams) => void connection.sendNotification(StatusNotificationMethod, p).catch(() => undefined);
  const nameOf = (uri: string) => {
    try {
      return decodeURIComponent(uri.replace(/^.*\//, ''));
    } catch {
      return uri;
    }
  };
  return {
    opened(uri, isArticle) {
      if (phase !== 'idle' || !isArticle) return;
      phase = 'running';
      send({ state: 'begin', phase: 'loading-model' });
      // let the notification leave before the synchronous load blocks the event loop
      setTimeout(() => {
        const t0 = Date.now();
        try {
          loadDefaultModel();
        } catch (err) {
          log(`News Lens: loading the model failed: ${String(err)}`);
        }
        log(`News Lens: recognition model loaded in ${Date.now() - t0} ms`);
        if (phase === 'running') send({ state: 'report', phase: 'analysing', file: nameOf(uri) });
      }, 0);
    },
    analysed() {
      if (phase !== 'running') return;
      phase = 'done';
      send({ state: 'end' });
    },
  };
}
