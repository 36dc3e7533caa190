/** The analysis as a Markdown table (pure; the content provider serves it under news-lens:). */
import type { ArticleSummary } from '../../protocol';
import { articleExport } from '../export/format';
import { kindName, TREE_KINDS, type Translate } from '../regionsView/model';

/** Escape what would break a table cell or render as Markdown. */
export function cell(s: string | number | undefined): string {
  return String(s ?? '')
    .replace(/([\\`*_[\]<>|#])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

/** The English name, then each title's English; what has no rendering says so. */
function englishCell(e: ReturnType<typeof articleExport>['entities'][number], t: Translate): string {
  const none = t('no English rendering');
  const parts = [e.english ?? (e.kind === 'title' ? '' : `(${none})`)];
  const seen = new Set<string>();
  e.titles.forEach((ti, i) => {
    if (seen.has(ti.full)) return;
    seen.add(ti.full);
    parts.push(e.englishTitles[i] ?? `${ti.full} (${none})`);
  });
  return parts.filter(Boolean).join('; ');
}

export function analysisTable(summary: ArticleSummary, t: Translate, sourceName: string): string {
  const ex = articleExport(summary);
  const order = [...TREE_KINDS, 'title' as const];
  const entities = [...ex.entities].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const out: string[] = [];
  out.push(`# ${cell(t('News Lens analysis: {0}', sourceName))}`, '');
  if (summary.title) out.push(`**${cell(summary.title)}**`, '');
  const sections = summary.regions.filter((r) => r.section).map((r) => r.name);
  out.push(t('{0} entities, {1} mentions; regions: {2}', ex.entities.length, summary.mentions.length, sections.join('、') || '—'), '');
  out.push(`| ${[t('Name'), t('English'), t('Type'), t('Titles'), t('Region'), t('Sections'), t('Met / met by'), t('Mentions'), t('Lines')].join(' | ')} |`);
  out.push(`|${' --- |'.repeat(9)}`);
  for (const e of entities) {
    const lines = [...new Set(e.mentions.map((m) => m.line))];
    out.push(
      `| ${[
        cell(e.name),
        cell(englishCell(e, t)),
        cell(kindName(e.kind, t)),
        cell([...new Set(e.titles.map((x) => x.full || x.inText))].join('；')),
        cell(e.region),
        cell(e.sections.join('、')),
        cell([...e.met, ...e.metBy].join('、')),
        cell(e.mentions.length),
        cell(lines.slice(0, 12).join(', ') + (lines.length > 12 ? ' …' : '')),
      ].join(' | ')} |`,
    );
  }
  out.push('');
  return out.join('\n');
}
