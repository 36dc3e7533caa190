/**
 * Corrections about people, asked for where the reader asked (code actions on Ctrl+. and the editor's
 * context menu, never a lightbulb): "mark as an official with title…" (the title pre-filled with the
 * chain the article writes before the name) and "set role/organization…". Both are written to
 * `.vscode/news-lens.json` like every other correction ({ "text", "type": "person", "role", "title",
 * "organization" }) and applied by src/core/userPeople.ts.
 */
import * as vscode from 'vscode';
import { CORRECTIONS_PATH } from '../../protocol/corrections/format';
import { CorrectionCommands, type CorrectionEntry, type SetPersonArgs } from '../../protocol';
import type { PersonRole } from '../../core/types';
import { correctionsFileFor, writeCorrection, type CorrectionsHost, type WriteResult } from './index';

/** Answers given in advance (tests, other commands); any missing one is asked for. */
export interface SetPersonAnswers {
  title?: string;
  role?: PersonRole;
  organization?: string;
}

const t = (message: string, ...args: (string | number)[]) => vscode.l10n.t(message, ...args);

async function ask(args: SetPersonArgs, given: SetPersonAnswers | undefined): Promise<CorrectionEntry | undefined> {
  if (args.mode === 'official') {
    const title =
      given?.title ??
      (await vscode.window.showInputBox({
        title: t('News Lens: mark “{0}” as an official', args.text),
        prompt: t('The title as the article writes it, e.g. 市委副书记、市长 (News Lens spells out the region)'),
        value: args.title ?? '',
        validateInput: (v) => (v.trim() ? undefined : t('Enter a title')),
      }));
    if (title === undefined || !title.trim()) return undefined;
    return { text: args.text, type: 'person', role: 'official', title: title.trim() };
  }
  let role = given?.role;
  if (!role) {
    const items: (vscode.QuickPickItem & { role: PersonRole })[] = [
      { label: t('official'), description: t('holds a public post'), role: 'official' },
      { label: t('business person'), description: t('represents a company'), role: 'business' },
      { label: t('other'), description: t('anyone else'), role: 'other' },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: t('News Lens: the role of “{0}”', args.text), placeHolder: args.role ? t('Now: {0}', args.role) : undefined });
    role = picked?.role;
  }
  if (!role) return undefined;
  const organization =
    given?.organization ??
    (role === 'official'
      ? ''
      : await vscode.window.showInputBox({
          title: t('News Lens: the organization of “{0}”', args.text),
          prompt: t('The company or organization, as the article names it (leave empty for none)'),
          value: args.organization ?? '',
        }));
  if (organization === undefined) return undefined;
  const title =
    given?.title ??
    (await vscode.window.showInputBox({
      title: t('News Lens: the title of “{0}”', args.text),
      prompt: t('The title as the article writes it (leave empty for none)'),
      value: args.title ?? '',
    }));
  if (title === undefined) return undefined;
  const entry: CorrectionEntry = { text: args.text, type: 'person', role };
  if (organization.trim()) entry.organization = organization.trim();
  if (title.trim()) entry.title = title.trim();
  return entry;
}

export function registerPersonCorrections(context: vscode.ExtensionContext, host: CorrectionsHost): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CorrectionCommands.setPerson, async (args: SetPersonArgs, given?: SetPersonAnswers): Promise<WriteResult | undefined> => {
      if (!args || typeof args.text !== 'string' || !args.text || typeof args.uri !== 'string') return undefined;
      const entry = await ask(args, given);
      if (!entry) return undefined;
      const file = correctionsFileFor(vscode.Uri.parse(args.uri), args.correctionsUri);
      if (!file) {
        void vscode.window.showWarningMessage(t('News Lens keeps corrections in {0} of a workspace folder: open a folder first.', CORRECTIONS_PATH));
        return 'no-folder';
      }
      const result = await writeCorrection(host, file, entry);
      if (result === 'written') {
        const what = entry.title ? `${entry.role} · ${entry.title}${entry.organization ? ` · ${entry.organization}` : ''}` : `${entry.role}${entry.organization ? ` · ${entry.organization}` : ''}`;
        vscode.window.setStatusBarMessage(t('News Lens: “{0}” is {1} (saved in {2})', entry.text, what, CORRECTIONS_PATH), 4000);
      }
      return result;
    }),
    // The editor's context menu: the News Lens corrections for the selection or the name under the
    // cursor, through VS Code's own code-action menu (an explicit request, so they are offered).
    vscode.commands.registerCommand('newsLens.corrections.correct', () => vscode.commands.executeCommand('editor.action.quickFix')),
  );
}
