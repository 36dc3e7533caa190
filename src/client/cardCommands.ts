/**
 * Commands behind the hover cards' links (the client trusts exactly these in hover Markdown):
 * the entity's mentions with their sentences in a quick pick (on demand, not in the hover), all
 * mentions in the References view, and the card as plain text on the clipboard. The Regions view
 * provides newsLens.revealInRegions itself.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CardCommands, EntityInfoRequestMethod, type EntityInfoResult, type EntityRef } from '../protocol';

/** Commands hover Markdown may run (LanguageClientOptions.markdown.isTrusted.enabledCommands). */
export const TRUSTED_HOVER_COMMANDS: readonly string[] = Object.values(CardCommands);

export interface CardHost {
  client(): Promise<LanguageClient | undefined>;
}

function asRef(arg: unknown): EntityRef | undefined {
  const a = (Array.isArray(arg) ? arg[0] : arg) as Partial<EntityRef> | undefined;
  return a && typeof a.uri === 'string' && typeof a.entityId === 'string' ? { uri: a.uri, entityId: a.entityId } : undefined;
}

async function entityInfo(host: CardHost, arg: unknown): Promise<{ info: EntityInfoResult; c: LanguageClient } | undefined> {
  const ref = asRef(arg);
  const c = await host.client();
  if (!ref || !c) return undefined;
  const info = await c.sendRequest<EntityInfoResult | null>(EntityInfoRequestMethod, ref);
  if (!info) {
    void vscode.window.showInformationMessage(vscode.l10n.t('News Lens: this entity is no longer in the analysis of the article.'));
    return undefined;
  }
  return { info, c };
}

export function registerCardCommands(context: vscode.ExtensionContext, host: CardHost): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CardCommands.showMentions, async (arg: unknown) => {
      const got = await entityInfo(host, arg);
      if (!got) return undefined;
      const { info, c } = got;
      const uri = c.protocol2CodeConverter.asUri(info.uri);
      type Item = vscode.QuickPickItem & { range: vscode.Range };
      const items: Item[] = info.mentions.map((m, i) => {
        const range = c.protocol2CodeConverter.asRange(m.range);
        return {
          label: `${i + 1}. ${m.text}`,
          description: vscode.l10n.t('line {0}', range.start.line + 1),
          detail: m.sentence,
          range,
        };
      });
      const picked = await vscode.window.showQuickPick(items, {
        title: vscode.l10n.t('{0} ({1}): {2} mentions', info.name, info.kindLabel, info.mentions.length),
        placeHolder: vscode.l10n.t('Pick a mention to jump to it'),
        matchOnDetail: true,
      });
      if (!picked) return undefined;
      const editor = await vscode.window.showTextDocument(uri, { selection: picked.range, preserveFocus: false });
      editor.revealRange(picked.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return picked.range;
    }),
    vscode.commands.registerCommand(CardCommands.findAllMentions, async (arg: unknown) => {
      const got = await entityInfo(host, arg);
      if (!got) return undefined;
      const { info, c } = got;
      const uri = c.protocol2CodeConverter.asUri(info.uri);
      const locations = info.mentions.map((m) => new vscode.Location(uri, c.protocol2CodeConverter.asRange(m.range)));
      const at = locations[0]?.range.start ?? new vscode.Position(0, 0);
      await vscode.commands.executeCommand('editor.action.showReferences', uri, at, locations);
      return locations;
    }),
    vscode.commands.registerCommand(CardCommands.copyCard, async (arg: unknown) => {
      const got = await entityInfo(host, arg);
      if (!got) return undefined;
      await vscode.env.clipboard.writeText(got.info.cardText);
      vscode.window.setStatusBarMessage(vscode.l10n.t('News Lens: card of {0} copied', got.info.name), 2500);
      return got.info.cardText;
    }),
  );
}
