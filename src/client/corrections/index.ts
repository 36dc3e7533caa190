/**
 * The client half of the user's corrections: the code actions' commands write to
 * `<folder>/.vscode/news-lens.json` — into the editor when it has unsaved edits (merging with them,
 * left unsaved), otherwise into the file (a clean editor reloads it) — with
 * comment-preserving jsonc edits (src/protocol/corrections/edit.ts); on disk under a lock and by
 * renaming a temporary file over it (./fileUpdate.ts). A file with syntax errors is never rewritten:
 * the user is shown where the error is. A file watcher tells the server when the file changes on disk.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { addCorrection, NEW_FILE_TEMPLATE } from '../../protocol/corrections/edit';
import { CORRECTIONS_PATH } from '../../protocol/corrections/format';
import { updateFile } from './fileUpdate';
import {
  CorrectionCommands,
  CorrectionsFileChangedNotificationMethod,
  type AddAliasArgs,
  type ApplyCorrectionArgs,
  type CorrectionEntry,
} from '../../protocol';

export interface CorrectionsHost {
  client(): Promise<LanguageClient | undefined>;
  onClient(hook: (c: LanguageClient) => void): void;
}

/** Document selector entry that syncs the corrections file to the server (live, unsaved edits included). */
export const CORRECTIONS_SELECTOR = [{ scheme: 'file', pattern: `**/${CORRECTIONS_PATH}` }];

/** The corrections file for an article: in its workspace folder, else the first folder. */
export function correctionsFileFor(article: vscode.Uri | undefined, fallback?: string): vscode.Uri | undefined {
  const folder = (article && vscode.workspace.getWorkspaceFolder(article)) ?? vscode.workspace.workspaceFolders?.[0];
  if (folder) return vscode.Uri.joinPath(folder.uri, CORRECTIONS_PATH);
  return fallback ? vscode.Uri.parse(fallback) : undefined;
}

async function notifyServer(host: CorrectionsHost, file: vscode.Uri): Promise<void> {
  const c = await host.client();
  if (c) await c.sendNotification(CorrectionsFileChangedNotificationMethod, { uri: c.code2ProtocolConverter.asUri(file) }).catch(() => undefined);
}

async function readFile(file: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file)).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

/**
 * Changes the corrections file on disk: through ./fileUpdate.ts (a lock, a temporary file renamed
 * over the old one, empty reads retried, the BOM kept) for files, through the workspace file system
 * otherwise (other schemes: no lock there, the BOM still kept). `change` gets undefined when there is
 * no file; returns whether it wrote.
 */
async function changeFile(file: vscode.Uri, change: (before: string | undefined) => string | undefined): Promise<boolean> {
  if (file.scheme === 'file') return updateFile(file.fsPath, change);
  let bytes: Uint8Array | undefined;
  try {
    bytes = await vscode.workspace.fs.readFile(file);
  } catch {
    bytes = undefined;
  }
  const raw = bytes && new TextDecoder('utf-8').decode(bytes);
  const bom = raw?.charCodeAt(0) === 0xfeff;
  const before = raw === undefined ? undefined : bom ? raw.slice(1) : raw;
  const next = change(before);
  if (next === undefined || next === before) return false;
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..'));
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode((bom ? '\uFEFF' : '') + next));
  return true;
}

/** Whether the file exists; errors other than "not found" (no permission, …) are thrown, not taken for "missing". */
async function exists(file: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(file);
    return true;
  } catch (err) {
    const code = (err as { code?: unknown })?.code;
    if (code === 'FileNotFound' || code === 'EntryNotFound' || code === 'ENOENT' || /\b(FileNotFound|EntryNotFound|ENOENT)\b/.test(String(err))) return false;
    throw err;
  }
}

/**
 * A document left over from a closed editor keeps the text of a file that was deleted meanwhile
 * (VS Code does not reload it when the file is created again, only when an editor opens it): wait
 * (briefly) for that reload, so the command hands back the editor with what the file says.
 */
async function refreshFromDisk(doc: vscode.TextDocument): Promise<void> {
  // called right after the editor was shown: opening an editor makes VS Code check the file on disk
  const disk = await readFile(doc.uri);
  if (doc.isDirty || disk === undefined || doc.getText() === disk) return;
  const reloaded = new Promise<void>((resolve) => {
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc && doc.getText() === disk) done();
    });
    const timer = setTimeout(() => done(), 3000);
    function done() {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    }
  });
  if (doc.getText() !== disk) await reloaded;
}

async function showSyntaxError(file: vscode.Uri, offset: number, doc?: vscode.TextDocument, duplicate = false): Promise<void> {
  const open = vscode.l10n.t('Open the file');
  const choice = await vscode.window.showErrorMessage(
    duplicate
      ? vscode.l10n.t('News Lens did not change {0}: it gives "corrections" more than once. Keep one; nothing you wrote was changed.', CORRECTIONS_PATH)
      : vscode.l10n.t('News Lens did not change {0}: it has a syntax error. Fix it first; nothing you wrote was changed.', CORRECTIONS_PATH),
    open,
  );
  if (choice === open) {
    const d = doc ?? (await vscode.workspace.openTextDocument(file));
    const p = d.positionAt(offset);
    await vscode.window.showTextDocument(d, { selection: new vscode.Range(p, p) });
  }
}

export type WriteResult = 'written' | 'unchanged' | 'syntax-error' | 'no-folder';

/** Add one correction to the corrections file (open editor or disk), merging with what is there. */
export async function writeCorrection(host: CorrectionsHost, file: vscode.Uri, correction: CorrectionEntry): Promise<WriteResult> {
  // an editor with unsaved changes gets the edit (and stays unsaved); otherwise the file on disk is
  // the truth (a clean editor reloads from it; a document left over from a closed editor may hold
  // text the file no longer has, and saving it would write that text back)
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString() && d.isDirty);
  if (open) {
    const res = addCorrection(open.getText(), correction);
    if (res.status === 'syntax-error' || res.status === 'not-an-object' || res.status === 'duplicate-keys') {
      void showSyntaxError(file, res.offset, open, res.status === 'duplicate-keys');
      return 'syntax-error';
    }
    if (res.status === 'unchanged') return 'unchanged';
    const edit = new vscode.WorkspaceEdit();
    edit.replace(file, new vscode.Range(open.positionAt(res.edit.offset), open.positionAt(res.edit.offset + res.edit.length)), res.edit.content);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not edit ${file.toString()}`);
    // the user's unsaved work stays unsaved
    return 'written';
  }
  // on disk: read, edit and write under the lock, so another writer's entry is never lost
  let refused: { offset: number; duplicate: boolean } | undefined;
  const wrote = await changeFile(file, (before) => {
    const res = addCorrection(before ?? '', correction);
    if (res.status === 'edited') return res.newText;
    if (res.status !== 'unchanged') refused = { offset: res.offset, duplicate: res.status === 'duplicate-keys' };
    return undefined;
  });
  if (refused) {
    void showSyntaxError(file, refused.offset, undefined, refused.duplicate);
    return 'syntax-error';
  }
  if (!wrote) return 'unchanged';
  await notifyServer(host, file);
  return 'written';
}

function describe(c: CorrectionEntry): string {
  if (c.type === 'none') return vscode.l10n.t('“{0}” is not an entity', c.text);
  if (c.aliasOf) return vscode.l10n.t('“{0}” is another name for {1}', c.text, c.aliasOf);
  return vscode.l10n.t('“{0}” is a {1}', c.text, c.type);
}

export function registerCorrections(context: vscode.ExtensionContext, host: CorrectionsHost): void {
  const apply = async (args: ApplyCorrectionArgs): Promise<WriteResult> => {
    if (!args || typeof args.uri !== 'string' || !args.correction?.text) return 'unchanged';
    const file = correctionsFileFor(vscode.Uri.parse(args.uri), args.correctionsUri);
    if (!file) {
      void vscode.window.showWarningMessage(vscode.l10n.t('News Lens keeps corrections in {0} of a workspace folder: open a folder first.', CORRECTIONS_PATH));
      return 'no-folder';
    }
    const result = await writeCorrection(host, file, args.correction);
    if (result === 'written') vscode.window.setStatusBarMessage(vscode.l10n.t('News Lens: {0} (saved in {1})', describe(args.correction), CORRECTIONS_PATH), 4000);
    return result;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(CorrectionCommands.apply, (args: ApplyCorrectionArgs) => apply(args)),
    vscode.commands.registerCommand(CorrectionCommands.addAlias, async (args: AddAliasArgs, chosen?: string) => {
      if (!args || typeof args.text !== 'string' || !Array.isArray(args.candidates)) return undefined;
      type Item = vscode.QuickPickItem & { c: AddAliasArgs['candidates'][number] };
      let pick: AddAliasArgs['candidates'][number] | undefined = chosen ? args.candidates.find((c) => c.entityId === chosen || c.name === chosen) : undefined;
      if (!pick) {
        const items: Item[] = args.candidates.map((c) => ({ label: c.name, description: c.kindLabel, detail: vscode.l10n.t('{0} mentions', c.mentions), c }));
        const got = await vscode.window.showQuickPick(items, {
          title: vscode.l10n.t('News Lens: “{0}” is another name for…', args.text),
          placeHolder: vscode.l10n.t('Pick the entity of this article that “{0}” refers to', args.text),
          matchOnDescription: true,
        });
        pick = got?.c;
      }
      if (!pick) return undefined;
      return apply({ uri: args.uri, correctionsUri: args.correctionsUri, correction: { text: args.text, type: pick.type, aliasOf: pick.name } });
    }),
    vscode.commands.registerCommand(CorrectionCommands.open, async (arg?: vscode.Uri | string) => {
      const article = typeof arg === 'string' ? vscode.Uri.parse(arg) : arg ?? vscode.window.activeTextEditor?.document.uri;
      const file = correctionsFileFor(article);
      if (!file) {
        void vscode.window.showWarningMessage(vscode.l10n.t('News Lens keeps corrections in {0} of a workspace folder: open a folder first.', CORRECTIONS_PATH));
        return undefined;
      }
      // unsaved edits in an editor win; an existing file is never rewritten. (A document that is not
      // dirty may be a leftover of a closed editor whose file is gone: that one does not count.)
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
      if (open?.isDirty) return vscode.window.showTextDocument(open, { preview: false });
      // (created only where there is no file: never over one another writer has just made)
      if (!(await exists(file)) && (await changeFile(file, (before) => (before === undefined ? NEW_FILE_TEMPLATE : undefined)))) await notifyServer(host, file);
      const doc = await vscode.workspace.openTextDocument(file);
      const editor = await vscode.window.showTextDocument(doc, { preview: false });
      await refreshFromDisk(doc);
      // the cursor where the first correction goes (inside "corrections": [])
      const at = doc.getText().indexOf('"corrections": [');
      const pos = at >= 0 ? doc.positionAt(at + '"corrections": ['.length) : new vscode.Position(0, 0);
      editor.selection = new vscode.Selection(pos, pos);
      return editor;
    }),
  );

  const watcher = vscode.workspace.createFileSystemWatcher(`**/${CORRECTIONS_PATH}`);
  const changed = (u: vscode.Uri) => void notifyServer(host, u);
  context.subscriptions.push(watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed));
}
