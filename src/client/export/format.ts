/**
 * CSV and JSON for exported entities. Pure (no `vscode`), so unit tests check quoting directly.
 * CSV follows RFC 4180 (CRLF rows, fields with comma/quote/newline quoted, quotes doubled), starts
 * with a UTF-8 BOM so Excel reads Chinese, and neutralises cells that a spreadsheet would run as a
 * formula (leading = + - @).
 */
import type { ArticleSummary, SummaryKind, WorkspaceIndexResult } from '../../protocol';
import { relationIndex } from '../regionsView/model';

export const BOM = '\ufeff';

export function csvField(value: unknown): string {
  let s = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return BOM + [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const lineCol = (r: { start: { line: number; character: number } }) => `${r.start.line + 1}:${r.start.character + 1}`;

export interface ExportedEntity {
  name: string;
  type: string;
  kind: SummaryKind;
  role?: string;
  aliases: string[];
  titles: { inText: string; full: string }[];
  region?: string;
  organization?: string;
  sections: string[];
  met: string[];
  metBy: string[];
  mentions: { line: number; character: number; endLine: number; endCharacter: number; text: string; section?: string }[];
  /** English name (src/core/english); undefined: no English rendering. */
  english?: string;
  /** English of each title's full form, parallel to `titles`; null: no English rendering. */
  englishTitles: (string | null)[];
}

export interface ArticleExport {
  source: string;
  title?: string;
  exportedAt: string;
  regions: { name: string; level: string; parent?: string; section: boolean }[];
  entities: ExportedEntity[];
}

export function articleExport(summary: ArticleSummary, now = new Date()): ArticleExport {
  const regionById = new Map(summary.regions.map((r) => [r.id, r]));
  const sectionOf = (id?: string): string | undefined => {
    let r = id ? regionById.get(id) : undefined;
    while (r && !r.section && r.parentId) r = regionById.get(r.parentId);
    return r?.name;
  };
  const names = new Map(summary.entities.map((e) => [e.id, e.name]));
  const rel = relationIndex(summary);
  return {
    source: summary.uri,
    title: summary.title,
    exportedAt: now.toISOString(),
    regions: summary.regions.map((r) => ({ name: r.name, level: r.level, parent: r.parentId ? regionById.get(r.parentId)?.name : undefined, section: r.section })),
    entities: summary.entities.map((e) => {
      const ms = summary.mentions.filter((m) => m.entityId === e.id);
      return {
        name: e.name,
        type: e.type,
        kind: e.kind,
        role: e.role,
        aliases: e.aliases,
        titles: e.titles.map((t) => ({ inText: t.inText, full: t.full })),
        english: e.english?.name,
        englishTitles: e.titles.map((_, i) => e.english?.titles[i] ?? null),
        region: e.region,
        organization: e.organization,
        sections: [...new Set(ms.map((m) => sectionOf(m.regionId)).filter((x): x is string => !!x))],
        met: (rel.get(e.id)?.met ?? []).map((id) => names.get(id) ?? id),
        metBy: (rel.get(e.id)?.metBy ?? []).map((id) => names.get(id) ?? id),
        mentions: ms.map((m) => ({
          line: m.range.start.line + 1,
          character: m.range.start.character + 1,
          endLine: m.range.end.line + 1,
          endCharacter: m.range.end.character + 1,
          text: m.snippet.slice(m.snippetStart, m.snippetEnd),
          section: sectionOf(m.regionId),
        })),
      };
    }),
  };
}

export const ARTICLE_CSV_HEADER = ['name', 'type', 'kind', 'aliases', 'titles', 'full titles', 'region', 'organization', 'sections', 'met', 'met by', 'mentions', 'positions (line:column)', 'english', 'english titles'];

/** English titles as one cell: each distinct full title's English, or "(no English rendering)". */
function englishTitlesCell(e: ExportedEntity): string {
  const seen = new Map<string, string>();
  e.titles.forEach((t, i) => {
    if (!seen.has(t.full)) seen.set(t.full, e.englishTitles[i] ?? `${t.full} (no English rendering)`);
  });
  return [...seen.values()].join('; ');
}

export function articleCsv(summary: ArticleSummary): string {
  const ex = articleExport(summary);
  const rows = ex.entities.map((e) => [
    e.name,
    e.type,
    e.kind,
    e.aliases.join('; '),
    [...new Set(e.titles.map((t) => t.inText))].join('; '),
    [...new Set(e.titles.map((t) => t.full))].join('; '),
    e.region,
    e.organization,
    e.sections.join('; '),
    e.met.join('; '),
    e.metBy.join('; '),
    e.mentions.length,
    e.mentions.map((m) => `${m.line}:${m.character}`).join(' '),
    e.english ?? '',
    englishTitlesCell(e),
  ]);
  return toCsv(ARTICLE_CSV_HEADER, rows);
}

export function articleJson(summary: ArticleSummary): string {
  return JSON.stringify(articleExport(summary), null, 2) + '\n';
}

export const WORKSPACE_CSV_HEADER = ['name', 'type', 'kind', 'article', 'article title', 'titles', 'regions', 'mentions', 'positions (line:column)', 'aliases', 'english'];

/** One row per entity and article (what a pivot table wants). */
export function workspaceCsv(index: WorkspaceIndexResult): string {
  const rows: unknown[][] = [];
  for (const e of index.entities) {
    for (const a of e.articles) {
      rows.push([e.name, e.type, e.kind, a.path, a.title, a.titles.join('; '), a.regions.join('; '), a.mentionCount, a.mentions.map((m) => lineCol(m.range)).join(' '), e.aliases.join('; '), e.english ?? '']);
    }
  }
  return toCsv(WORKSPACE_CSV_HEADER, rows);
}

export function workspaceJson(index: WorkspaceIndexResult, now = new Date()): string {
  return (
    JSON.stringify(
      {
        exportedAt: now.toISOString(),
        articleCount: index.articleCount,
        entities: index.entities.map((e) => ({
          name: e.name,
          type: e.type,
          kind: e.kind,
          english: e.english,
          aliases: e.aliases,
          titles: e.titles,
          regions: e.regions,
          mentionCount: e.mentionCount,
          articles: e.articles.map((a) => ({
            path: a.path,
            uri: a.uri,
            title: a.title,
            titles: a.titles,
            regions: a.regions,
            mentionCount: a.mentionCount,
            mentions: a.mentions.map((m) => ({ line: m.range.start.line + 1, character: m.range.start.character + 1, snippet: m.snippet })),
          })),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}

/** Parses CSV produced above (quoted fields, CRLF); for tests and round trips. */
export function parseCsv(text: string): string[][] {
  const s = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && s[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}
