/**
 * The server's view of the corrections files (`<folder>/.vscode/news-lens.json`): the text of an
 * open editor when there is one (unsaved edits count at once), the file on disk otherwise. Each
 * change is parsed, reported as diagnostics on the file, and — when the effective corrections
 * changed — announced so the analyses of all open articles are redone.
 */
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KnowledgeBase } from '../../core/knowledge';
import type { AnalyzeOptions } from '../../core/types';
import { CORRECTIONS_PATH, CORRECTIONS_URI, parseCorrections, toUserLexicon, toUserPeople, type CorrectionsProblem, type ParsedCorrections } from '../../protocol/corrections/format';

export interface CorrectionsHost {
  log(message: string): void;
  /** Publish the problems of a corrections file (empty list clears). */
  report(uri: string, text: string, problems: CorrectionsProblem[]): void;
  /** The effective corrections of some folder changed: re-analyse. */
  changed(folderUri: string): void;
  /** Read a file; undefined when it does not exist. */
  readFile?(uri: string): string | undefined;
}

interface FileState {
  uri: string;
  folder: string;
  text: string;
  open: boolean;
  parsed: ParsedCorrections;
  options: AnalyzeOptions;
  knowledge: KnowledgeBase;
  fingerprint: string;
}

export function isCorrectionsUri(uri: string): boolean {
  return typeof uri === 'string' && CORRECTIONS_URI.test(uri);
}

function trimSlash(u: string): string {
  return u.replace(/\/+$/, '');
}

export function correctionsUriFor(folderUri: string): string {
  return `${trimSlash(folderUri)}/${CORRECTIONS_PATH}`;
}

function folderOf(correctionsUri: string): string {
  return correctionsUri.replace(CORRECTIONS_URI, '');
}

function defaultRead(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fs.readFileSync(fileURLToPath(uri), 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

const EMPTY_KB = new KnowledgeBase();
/** An empty read of a file that had content is retried this often, this far apart, before it counts. */
const EMPTY_READ_RETRIES = 4;
const EMPTY_READ_RETRY_MS = 50;

export class CorrectionsStore {
  private readonly files = new Map<string, FileState>();
  private folders: string[] = [];

  constructor(private readonly host: CorrectionsHost) {}

  /** Workspace folders (URIs); reads each folder's file from disk. */
  setFolders(folderUris: string[]): void {
    this.folders = [...new Set(folderUris.map(trimSlash))];
    for (const f of this.folders) this.reload(correctionsUriFor(f));
  }

  /**
   * More folders to know about (the workspace index's folders): each new folder's file is read
   * from disk; folders already known (and open editors) are left alone.
   */
  addFolders(folderUris: string[]): void {
    for (const f of folderUris.map(trimSlash)) {
      if (this.folders.includes(f)) continue;
      this.folders.push(f);
      if (!this.files.has(f)) this.reload(correctionsUriFor(f));
    }
  }

  /** An open editor's text for a corrections file changed (or it was opened). */
  openChanged(uri: string, text: string): void {
    this.update(uri, text, true);
  }

  /** The editor was closed: the file on disk counts again. */
  closed(uri: string): void {
    const s = this.files.get(this.key(uri));
    if (s) s.open = false;
    this.reload(uri);
  }

  /** The file changed on disk (workspace/didChangeWatchedFiles). Ignored while an editor has it open. */
  fileChanged(uri: string): void {
    const s = this.files.get(this.key(uri));
    if (s?.open) return;
    this.reload(uri);
  }

  private key(uri: string): string {
    return folderOf(uri);
  }

  private reload(uri: string, emptyRetries = EMPTY_READ_RETRIES): void {
    const text = (this.host.readFile ?? defaultRead)(uri);
    if (text === '' && this.files.get(this.key(uri))?.text && emptyRetries > 0) {
      // a file that had corrections and now reads empty is most likely being rewritten in place
      // (truncated, then written): read it again shortly before taking the corrections away
      setTimeout(() => {
        if (!this.files.get(this.key(uri))?.open) this.reload(uri, emptyRetries - 1);
      }, EMPTY_READ_RETRY_MS).unref?.();
      return;
    }
    this.update(uri, text ?? '', false);
  }

  private update(uri: string, text: string, open: boolean): void {
    const folder = folderOf(uri);
    const parsed = parseCorrections(text);
    const lexicon = toUserLexicon(parsed.corrections);
    const people = toUserPeople(parsed.corrections);
    const fingerprint = JSON.stringify([lexicon, parsed.knowledge, ...(people.length ? [people] : [])]);
    const prev = this.files.get(folder);
    const state: FileState = {
      uri,
      folder,
      text,
      open,
      parsed,
      options: { ...(lexicon.entries.length ? { userLexicon: lexicon } : {}), ...(people.length ? { userPeople: people } : {}) },
      knowledge: parsed.knowledge.length ? new KnowledgeBase(parsed.knowledge) : EMPTY_KB,
      fingerprint,
    };
    this.files.set(folder, state);
    if (prev || text) this.host.report(uri, text, parsed.problems);
    if ((prev?.fingerprint ?? JSON.stringify([{ entries: [] }, []])) !== fingerprint) {
      this.host.log(`News Lens: corrections ${uri}: ${parsed.corrections.length} corrections, ${parsed.knowledge.length} knowledge entries, ${parsed.problems.length} problems`);
      this.host.changed(folder);
    }
  }

  /** The corrections file that applies to a document: the innermost folder containing it. */
  private stateFor(docUri: string): FileState | undefined {
    let best: FileState | undefined;
    for (const s of this.files.values()) {
      if (docUri.startsWith(`${s.folder}/`) && (!best || s.folder.length > best.folder.length)) best = s;
    }
    if (best) return best;
    // documents outside every folder (untitled, other files): the first folder's corrections
    const first = this.folders[0];
    return first !== undefined && !docUri.startsWith('file:') ? this.files.get(first) : undefined;
  }

  analyzeOptions(docUri: string): AnalyzeOptions {
    return this.stateFor(docUri)?.options ?? {};
  }

  knowledge(docUri: string): KnowledgeBase {
    return this.stateFor(docUri)?.knowledge ?? EMPTY_KB;
  }

  /** URI of the corrections file for a document (existing or not). */
  fileFor(docUri: string): string | undefined {
    const s = this.stateFor(docUri);
    if (s) return s.uri;
    const folder = this.folders.filter((f) => docUri.startsWith(`${f}/`)).sort((a, b) => b.length - a.length)[0] ?? this.folders[0];
    return folder !== undefined ? correctionsUriFor(folder) : undefined;
  }

  /** Folders whose corrections changed affect the documents below them. */
  affects(folder: string, docUri: string): boolean {
    const s = this.stateFor(docUri);
    return !s || s.folder === folder;
  }

  parsed(uri: string): ParsedCorrections | undefined {
    return this.files.get(this.key(uri))?.parsed;
  }
}
