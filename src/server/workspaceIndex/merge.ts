/**
 * Pure merging of per-article summaries into workspace entities: one entry per canonical name and
 * type, listing the articles that mention it (most mentions first). Also workspace symbols over the
 * index. No I/O here, so unit tests can feed summaries directly.
 */
import type { SymbolInformation } from 'vscode-languageserver';
import { normalizeForMatching } from '../../core/normalize';
import type { ArticleSummary, SummaryKind, WorkspaceEntity, WorkspaceIndexResult } from '../../protocol';

export interface IndexedArticle {
  uri: string;
  /** Path relative to its workspace folder, '/'-separated. */
  path: string;
  summary: ArticleSummary;
}

/** Kinds in the order the UI lists them. */
export const KIND_ORDER: SummaryKind[] = ['official', 'person', 'company', 'government', 'organization', 'place', 'date', 'title'];

/** Types merged across articles by their aliases as well as their names. */
const ALIAS_MERGED = new Set(['company', 'organization', 'government']);

/** Mentions kept per article in the merged view (the full list stays in the article's own summary). */
const MAX_MENTIONS_PER_ARTICLE = 200;

/**
 * One workspace entity per type and name as matched (traditional = simplified, full = half width):
 * 宁德時代 in one article and 宁德时代 in another are one company, shown under the first name met.
 */
export function mergeKey(type: string, name: string): string {
  return `${type}:${normalizeForMatching(name)}`;
}

/**
 * The form written most often (counts per form), `start` unless another is used more; ties go to the
 * shorter form. The name a Regions-view node and a workspace entity show (小红书 over its legal name).
 */
export function mostUsedForm(counts: ReadonlyMap<string, number>, start: string): string {
  let best = start;
  let n = counts.get(start) ?? 0;
  for (const [form, k] of counts) {
    if (k > n || (k === n && form.length < best.length)) {
      best = form;
      n = k;
    }
  }
  return best;
}

export function mergeArticles(articles: IndexedArticle[], opts: { includeTitles?: boolean } = {}): WorkspaceEntity[] {
  const merged = new Map<string, WorkspaceEntity>();
  const byAlias = new Map<string, WorkspaceEntity>();
  const shownForms = new Map<WorkspaceEntity, Map<string, number>>();
  const sorted = [...articles].sort((a, b) => a.path.localeCompare(b.path));
  for (const art of sorted) {
    const s = art.summary;
    const byEntity = new Map<string, WorkspaceEntity['articles'][number]['mentions']>();
    const regionNames = new Map(s.regions.map((r) => [r.id, r.name]));
    // the sections each entity is mentioned in, in article order (one pass, not one per entity)
    const sectionsOf = new Map<string, Set<string>>();
    for (const m of s.mentions) {
      let list = byEntity.get(m.entityId);
      if (!list) byEntity.set(m.entityId, (list = []));
      if (list.length < MAX_MENTIONS_PER_ARTICLE) list.push({ range: m.range, snippet: m.snippet, snippetStart: m.snippetStart, snippetEnd: m.snippetEnd });
      const name = m.regionId ? regionNames.get(m.regionId) : undefined;
      if (!name) continue;
      let set = sectionsOf.get(m.entityId);
      if (!set) sectionsOf.set(m.entityId, (set = new Set()));
      set.add(name);
    }
    // the regions that list each entity in this article (the nodes of its Regions view)
    const groupsOf = new Map<string, { name: string; inferred: boolean }[]>();
    const regionById = new Map(s.regions.map((r) => [r.id, r]));
    for (const m of s.mentions) {
      const r = m.regionId !== undefined ? regionById.get(m.regionId) : undefined;
      if (!r) continue;
      let list = groupsOf.get(m.entityId);
      if (!list) groupsOf.set(m.entityId, (list = []));
      if (!list.some((g) => g.name === r.name)) list.push({ name: r.name, inferred: !!r.inferred });
      else if (!r.inferred) list.find((g) => g.name === r.name)!.inferred = false;
    }
    for (const e of s.entities) {
      if (e.type === 'title' && !opts.includeTitles) continue;
      const ms = byEntity.get(e.id) ?? [];
      if (!ms.length) continue;
      const key = mergeKey(e.type, e.name);
      // a company or body named in full in one article and by its short name in another is one
      // entity (宁德时代新能源科技股份有限公司 with alias 宁德时代 ↔ 宁德时代); people are merged by
      // name only (a surname alone would join strangers)
      const keys = ALIAS_MERGED.has(e.type) ? [key, ...e.aliases.map((a) => mergeKey(e.type, a))] : [key];
      let w: WorkspaceEntity | undefined;
      for (const k of keys) if ((w = merged.get(k) ?? byAlias.get(k))) break;
      if (!w) {
        w = { key, type: e.type, kind: e.kind, name: e.name, aliases: [], titles: [], regions: [], mentionCount: 0, articles: [] };
        merged.set(key, w);
      }
      for (const k of keys) if (!merged.has(k) && !byAlias.has(k)) byAlias.set(k, w);
      // the name shown: the form the articles use most (小红书 over its legal name)
      let forms = shownForms.get(w);
      if (!forms) shownForms.set(w, (forms = new Map()));
      const shown = e.shown || e.name;
      forms.set(shown, (forms.get(shown) ?? 0) + e.mentionCount);
      for (const n of [e.name, ...e.aliases]) if (!forms.has(n)) forms.set(n, 0);
      if (!w.english && e.english?.name) w.english = e.english.name;
      // An official in any article is an official (roles are per article).
      if (e.kind === 'official') w.kind = 'official';
      for (const a of e.aliases) if (a !== w.name && !w.aliases.includes(a)) w.aliases.push(a);
      const titles = [...new Set(e.titles.map((t) => t.full || t.inText).filter(Boolean))];
      for (const t of titles) if (!w.titles.includes(t)) w.titles.push(t);
      const sections = [...(sectionsOf.get(e.id) ?? [])];
      const regions = e.region ? [e.region, ...sections.filter((r) => r !== e.region)] : sections;
      for (const r of regions) if (!w.regions.includes(r)) w.regions.push(r);
      w.mentionCount += e.mentionCount;
      w.articles.push({ uri: art.uri, path: art.path, title: s.title, mentionCount: e.mentionCount, mentions: ms, titles, regions, groups: groupsOf.get(e.id) ?? [] });
    }
  }
  const out = [...merged.values()];
  for (const w of out) {
    const forms = shownForms.get(w);
    if (forms) {
      const best = mostUsedForm(forms, w.name);
      if (best !== w.name) {
        w.aliases = [w.name, ...w.aliases.filter((a) => a !== best && a !== w.name)];
        w.name = best;
      }
      w.aliases = [...new Set([...w.aliases, ...[...forms.keys()].filter((f) => f !== w.name)])];
    }
  }
  for (const w of out) w.articles.sort((a, b) => b.mentionCount - a.mentionCount || a.path.localeCompare(b.path));
  out.sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      b.articles.length - a.articles.length ||
      b.mentionCount - a.mentionCount ||
      a.name.localeCompare(b.name, 'zh'),
  );
  return out;
}

export function indexResult(articles: IndexedArticle[], state: { indexing: boolean; filesSeen: number }): WorkspaceIndexResult {
  return { indexing: state.indexing, articleCount: articles.length, filesSeen: state.filesSeen, entities: mergeArticles(articles) };
}

/**
 * workspace/symbol over indexed articles that are not open (open ones are answered from the live
 * analysis). `matches` and `kindOf` are passed in so this file stays free of server imports.
 */
export function indexSymbols(
  query: string,
  articles: IndexedArticle[],
  skipUris: Set<string>,
  matches: (q: string, names: string[]) => boolean,
  symbolKind: (kind: SummaryKind) => SymbolInformation['kind'],
  limit = 500,
): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  for (const art of articles) {
    if (skipUris.has(art.uri)) continue;
    const s = art.summary;
    const first = new Map<string, ArticleSummary['mentions'][number]>();
    for (const m of s.mentions) if (!first.has(m.entityId)) first.set(m.entityId, m);
    const regionNames = new Map(s.regions.map((r) => [r.id, r.name]));
    for (const e of s.entities) {
      if (e.type === 'date' || e.type === 'title') continue;
      const m = first.get(e.id);
      if (!m || !matches(query, [e.name, ...e.aliases])) continue;
      out.push({
        name: e.name,
        kind: symbolKind(e.kind),
        containerName: (m.regionId && regionNames.get(m.regionId)) || e.region || art.path,
        location: { uri: art.uri, range: m.range },
      });
      if (out.length >= limit) return out;
    }
  }
  return out;
}
