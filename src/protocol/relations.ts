/**
 * The relations picture ("who met whom"): officials, business people and companies as nodes, and
 * edges for met / visited / works-for, each with the sentence that supports it. Built from article
 * summaries (`newsLens/analysis`), one article or the whole workspace merged by canonical name and
 * type. Pure and shared: the client builds an article's graph, the server the workspace's
 * (`newsLens/relations`).
 */
import type { Range } from 'vscode-languageserver-types';
import type { ArticleSummary, SummaryKind } from './index';

export const RelationsRequestMethod = 'newsLens/relations';
export interface RelationsParams {
  /** The workspace's graph (all indexed articles and open ones). */
  workspace: true;
}

export type EdgeKind = 'met' | 'visited' | 'works-for';

export interface GraphNode {
  /** `${type}:${name}`, as the workspace index merges entities. */
  key: string;
  name: string;
  kind: SummaryKind;
  /** English name, when News Lens has one. */
  english?: string;
  /** The first title (full form), for the label. */
  title?: string;
  mentions: number;
  articles: number;
  /** Where to jump on click: the first mention. */
  first?: { uri: string; range: Range };
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  /** Supporting sentences (at most three), each with its article. */
  sentences: { text: string; uri: string }[];
}

export interface RelationsGraph {
  scope: 'article' | 'workspace';
  title?: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Nodes the picture shows: officials, business people (people who hold a corporate post) and companies. */
export function inGraph(e: { kind: SummaryKind; role?: string; organization?: string }): boolean {
  return e.kind === 'official' || e.kind === 'company' || (e.kind === 'person' && (e.role === 'business' || !!e.organization));
}

const MAX_SENTENCES = 3;

export function buildGraph(articles: { uri: string; summary: ArticleSummary }[], scope: RelationsGraph['scope']): RelationsGraph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const { uri, summary } of articles) {
    const keyOf = new Map<string, string>();
    const firstRange = new Map<string, Range>();
    for (const m of summary.mentions) if (!firstRange.has(m.entityId)) firstRange.set(m.entityId, m.range);
    for (const e of summary.entities) {
      if (!inGraph(e)) continue;
      const key = `${e.type}:${e.name}`;
      keyOf.set(e.id, key);
      let n = nodes.get(key);
      if (!n) {
        n = { key, name: e.name, kind: e.kind, english: e.english?.name, title: e.titles[0]?.full || e.titles[0]?.inText, mentions: 0, articles: 0 };
        nodes.set(key, n);
      }
      if (e.kind === 'official') n.kind = 'official';
      n.mentions += e.mentionCount;
      n.articles += 1;
      const r = firstRange.get(e.id);
      if (r && !n.first) n.first = { uri, range: r };
    }
    for (const r of summary.relations) {
      const from = keyOf.get(r.from);
      const to = keyOf.get(r.to);
      if (!from || !to || from === to) continue;
      const kind: EdgeKind = r.kind === 'works-for' ? 'works-for' : r.verb === 'visited' ? 'visited' : 'met';
      const k = `${kind}\u0000${from}\u0000${to}`;
      let edge = edges.get(k);
      if (!edge) edges.set(k, (edge = { from, to, kind, sentences: [] }));
      if (r.sentence && edge.sentences.length < MAX_SENTENCES && !edge.sentences.some((s) => s.text === r.sentence)) edge.sentences.push({ text: r.sentence, uri });
    }
  }
  return { scope, title: scope === 'article' ? articles[0]?.summary.title : undefined, nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** Verbs of visiting (调研, 考察…) and of meeting (会见, 座谈…) in a sentence, for met vs visited. */
const MEET = /会见|会晤|接见|会谈|座谈|看望|慰问|拜会|拜访|约见|见证|接待|交流|通话|签约|签署/;
const VISIT = /调研|考察|视察|走访|来到|参观|前往|深入|莅临/;

export function relationVerb(sentence: string): 'met' | 'visited' {
  if (MEET.test(sentence)) return 'met';
  return VISIT.test(sentence) ? 'visited' : 'met';
}
