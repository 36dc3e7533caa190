/**
 * The colour legend: what each of the eight entity colours means, shown in the Regions view (a
 * "Colour legend" node whose labels are painted in the colours themselves) and in the status-bar
 * item's tooltip. Colours are the theme colours News Lens contributes, referenced as theme colours
 * (or their CSS variables in Markdown), so the legend follows the theme and the user's
 * `workbench.colorCustomizations`.
 */
import * as vscode from 'vscode';
import type { SummaryKind } from '../protocol';

export const LEGEND_KINDS: SummaryKind[] = ['official', 'person', 'title', 'company', 'government', 'organization', 'place', 'date'];

/** URI scheme of the legend's tree items: the decoration provider below colours their labels. */
export const LEGEND_SCHEME = 'news-lens-legend';

const t = (message: string, ...args: (string | number)[]) => vscode.l10n.t(message, ...args);

export function legendLabel(kind: SummaryKind): string {
  switch (kind) {
    case 'official': return t('Officials (bold)');
    case 'person': return t('Other people');
    case 'title': return t('Titles');
    case 'company': return t('Companies');
    case 'government': return t('Government bodies');
    case 'organization': return t('Organizations');
    case 'place': return t('Places');
    case 'date': return t('Dates');
  }
}

export function legendExample(kind: SummaryKind): string {
  switch (kind) {
    case 'official': return '尹力';
    case 'person': return '曾毓群';
    case 'title': return '市委书记';
    case 'company': return '宁德时代';
    case 'government': return '国家发展改革委';
    case 'organization': return '广州日报';
    case 'place': return '朝阳区';
    case 'date': return '2月18日';
  }
}

export function colourVariable(kind: SummaryKind): string {
  return `var(--vscode-newsLens-${kind}Foreground)`;
}

/** The legend as Markdown with HTML (status-bar tooltip): each kind in its own colour. */
export function legendMarkdown(): string {
  const rows = LEGEND_KINDS.map((k) => {
    const label = `■ ${legendLabel(k)} · ${legendExample(k)}`;
    const text = k === 'official' ? `<b>${label}</b>` : label;
    return `<span style="color:${colourVariable(k)};">${text}</span>`;
  });
  return `**${t('Colour legend')}**\n\n${rows.join('<br>\n')}`;
}

export function legendUri(kind: SummaryKind): vscode.Uri {
  return vscode.Uri.from({ scheme: LEGEND_SCHEME, path: `/${kind}` });
}

/** Paints the legend's tree labels in the entity colours. */
export class LegendDecorations implements vscode.FileDecorationProvider {
  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== LEGEND_SCHEME) return undefined;
    const kind = uri.path.slice(1) as SummaryKind;
    if (!LEGEND_KINDS.includes(kind)) return undefined;
    return new vscode.FileDecoration(undefined, legendLabel(kind), new vscode.ThemeColor(`newsLens.${kind}Foreground`));
  }
}
