/**
 * The Regions tree as plain data, built from the server's summaries: no `vscode` import, so unit
 * tests can build it from an analysis. The tree provider maps these nodes onto TreeItems and the
 * `newsLens.regions.getTree` command hands them to the integration tests.
 *
 *   article mode:   region (nested by level) → type group → entity → mentions, "met" / "met by"
 *   workspace mode: region (merged across articles) → type group → entity → article → mentions
 */
import type { ArticleSummary, SummaryEntity, SummaryKind, SummaryRegion, WorkspaceArticleRef, WorkspaceEntity, WorkspaceIndexResult } from '../../protocol';

export type Translate = (message: string, ...args: (string | number)[]) => string;

export type NodeKind = 'lead' | 'region' | 'group' | 'entity' | 'mention' | 'relations' | 'related' | 'article' | 'legend' | 'legendItem';

export interface Pos {
  line: number;
  character: number;
}
export interface Rng {
  start: Pos;
  end: Pos;
}

export interface TreeNode {
  /** Unique and stable across refreshes (keeps expansion state). */
  id: string;
  kind: NodeKind;
  label: string;
  description?: string;
  /** The number the description shows (entities of a region/group, mentions of an entity, articles). */
  count?: number;
  /** [start, end) ranges of the label to highlight (the mention inside a snippet). */
  highlights?: [number, number][];
  /** Entity kind for icons and colours (groups, entities, related). */
  entityKind?: SummaryKind;
  /** Navigation target: document and range to select. */
  uri?: string;
  range?: Rng;
  entityId?: string;
  /** Workspace mode: merge key of the entity. */
  entityKey?: string;
  regionId?: string;
  /** Region level for sub-region icons. */
  level?: SummaryRegion['level'];
  section?: boolean;
  /** A region News Lens inferred (not one of the article's sections). */
  inferred?: boolean;
  expanded?: boolean;
  parent?: TreeNode;
  children: TreeNode[];
}

/** Kinds the tree lists, in order (titles are attributes of people, not things). */
export const TREE_KINDS: SummaryKind[] = ['official', 'person', 'company', 'government', 'organization', 'place', 'date'];

export function groupLabel(kind: SummaryKind, t: Translate): string {
  switch (kind) {
    case 'official': return t('Officials');
    case 'person': return t('Other people');
    case 'company': return t('Companies');
    case 'government': return t('Government bodies');
    case 'organization': return t('Organizations');
    case 'place': return t('Places');
    case 'date': return t('Dates');
    case 'title': return t('Titles');
  }
}

/** A group of `count` entities of one kind (officials and companies start expanded), to fill with children. */
function groupNode(id: string, kind: SummaryKind, count: number, t: Translate): TreeNode {
  return {
    id,
    kind: 'group',
    label: groupLabel(kind, t),
    entityKind: kind,
    count,
    description: String(count),
    expanded: kind === 'official' || kind === 'company',
    children: [],
  };
}

export function kindName(kind: SummaryKind, t: Translate): string {
  switch (kind) {
    case 'official': return t('official');
    case 'person': return t('person');
    case 'company': return t('company');
    case 'government': return t('government body');
    case 'organization': return t('organization');
    case 'place': return t('place');
    case 'date': return t('date');
    case 'title': return t('title');
  }
}

function add(parent: TreeNode, child: TreeNode): TreeNode {
  child.parent = parent;
  parent.children.push(child);
  return child;
}

/** The title as stated, with the company for business people: "董事长" / "康宁公司 总裁". */
export function entityDetail(e: SummaryEntity): string | undefined {
  if (e.type !== 'person') return undefined;
  const title = e.titles[0]?.inText;
  const org = e.kind === 'official' ? undefined : e.organization ?? e.titles[0]?.organization;
  const s = [org, title].filter(Boolean).join(' ');
  return s || undefined;
}

export interface ArticleTreeOptions {
  types: SummaryKind[];
  t: Translate;
}

/**
 * Article mode. Regions in article order with sub-regions nested under them; a "Lead" node first
 * when the article names entities before its first section.
 */
export function buildArticleTree(summary: ArticleSummary, opts: ArticleTreeOptions): TreeNode[] {
  const { t } = opts;
  const types = TREE_KINDS.filter((k) => opts.types.includes(k));
  const entities = new Map(summary.entities.map((e) => [e.id, e]));
  const uri = summary.uri;

  // region node id → entity id → mention indexes
  const byRegion = new Map<string, Map<string, number[]>>();
  summary.mentions.forEach((m, i) => {
    const key = m.regionId ?? 'lead';
    let map = byRegion.get(key);
    if (!map) byRegion.set(key, (map = new Map()));
    let list = map.get(m.entityId);
    if (!list) map.set(m.entityId, (list = []));
    list.push(i);
  });

  const roots: TreeNode[] = [];
  const regionNodes = new Map<string, TreeNode>();
  const hasSections = summary.regions.some((r) => r.section);
  const makeRegion = (r: SummaryRegion | undefined): TreeNode => ({
    id: r ? `region:${r.id}` : 'lead',
    kind: r ? 'region' : 'lead',
    // what no region holds: the lead (before the first section), or in an article without sections
    // the entities no rule places
    label: r ? r.name : hasSections ? t('Lead') : t('Not placed in a region'),
    uri,
    range: r?.range,
    regionId: r?.id,
    level: r?.level,
    section: r?.section,
    inferred: r?.inferred,
    expanded: true,
    children: [],
  });
  // the lead first (the Outline orders by position, and the lead starts the article)
  const lead = byRegion.has('lead') ? makeRegion(undefined) : undefined;
  if (lead) {
    roots.push(lead);
    regionNodes.set('lead', lead);
  }
  for (const r of summary.regions) {
    const node = makeRegion(r);
    regionNodes.set(r.id, node);
    const parent = r.parentId ? regionNodes.get(r.parentId) : undefined;
    if (parent) add(parent, node);
    else roots.push(node);
  }

  const metOf = relationIndex(summary);

  // Entities under each region node, grouped by kind; sub-regions come before the groups.
  for (const [key, regionNode] of regionNodes) {
    const map = byRegion.get(key);
    const groups = new Map<SummaryKind, TreeNode>();
    const subRegions = regionNode.children.splice(0);
    const groupNodes: TreeNode[] = [];
    for (const kind of types) {
      const members = [...(map ?? new Map<string, number[]>())].filter(([id]) => entities.get(id)?.kind === kind);
      if (!members.length) continue;
      const g = groupNode(`${regionNode.id}|group:${kind}`, kind, members.length, t);
      groups.set(kind, g);
      groupNodes.push(g);
      for (const [id, idx] of members) {
        const e = entities.get(id)!;
        const detail = entityDetail(e);
        const en = add(g, {
          id: `${regionNode.id}|${id}`,
          kind: 'entity',
          label: e.shown ?? e.name,
          entityKind: kind,
          entityId: id,
          uri,
          range: summary.mentions[idx[0]].range,
          regionId: regionNode.regionId,
          count: idx.length,
          description: detail ? `${idx.length} · ${detail}` : String(idx.length),
          children: [],
        });
        for (const i of idx) {
          const m = summary.mentions[i];
          add(en, {
            id: `${en.id}|m:${m.range.start.line}:${m.range.start.character}`,
            kind: 'mention',
            label: m.snippet,
            highlights: [[m.snippetStart, m.snippetEnd]],
            description: t('line {0}', m.range.start.line + 1),
            uri,
            range: m.range,
            entityId: id,
            children: [],
          });
        }
        const rel = metOf.get(id);
        if (rel?.met.length) addRelated(en, 'met', t('Met'), rel.met);
        if (rel?.metBy.length) addRelated(en, 'metBy', t('Met by'), rel.metBy);
      }
    }
    // Leaves the region nodes' own children order: sub-regions, then groups.
    for (const s of subRegions) regionNode.children.push(s);
    for (const g of groupNodes) add(regionNode, g);
  }

  function addRelated(en: TreeNode, key: string, label: string, ids: string[]): void {
    const list = ids.map((id) => entities.get(id)).filter((e): e is SummaryEntity => !!e);
    if (!list.length) return;
    const node = add(en, { id: `${en.id}|${key}`, kind: 'relations', label, count: list.length, description: String(list.length), expanded: true, children: [] });
    for (const e of list) {
      const first = summary.mentions.find((m) => m.entityId === e.id);
      add(node, {
        id: `${node.id}|${e.id}`,
        kind: 'related',
        label: e.shown ?? e.name,
        entityKind: e.kind,
        entityId: e.id,
        description: kindName(e.kind, t),
        uri,
        range: first?.range,
        children: [],
      });
    }
  }

  // Counts: entities in a region's whole subtree (distinct), dates and titles aside, as the Outline counts
  const countRegion = (n: TreeNode): Set<string> => {
    const ids = new Set<string>();
    for (const c of n.children) {
      if (c.kind === 'region') for (const id of countRegion(c)) ids.add(id);
      else if (c.kind === 'group' && c.entityKind !== 'date' && c.entityKind !== 'title') for (const e of c.children) ids.add(e.entityId!);
    }
    n.count = ids.size;
    const count = ids.size === 1 ? t('1 entity') : t('{0} entities', ids.size);
    n.description = n.inferred ? t('{0} · inferred', count) : count;
    return ids;
  };
  for (const r of roots) countRegion(r);
  // a lead with nothing shown (only titles, or kinds filtered out) is no node
  return roots.filter((r) => r.kind !== 'lead' || r.children.length);
}

/** met / met-by lists per entity id, in the order the article states them. */
export function relationIndex(summary: ArticleSummary): Map<string, { met: string[]; metBy: string[] }> {
  const out = new Map<string, { met: string[]; metBy: string[] }>();
  const get = (id: string) => {
    let v = out.get(id);
    if (!v) out.set(id, (v = { met: [], metBy: [] }));
    return v;
  };
  for (const r of summary.relations) {
    if (r.kind !== 'met') continue;
    const a = get(r.from);
    if (!a.met.includes(r.to)) a.met.push(r.to);
    const b = get(r.to);
    if (!b.metBy.includes(r.from)) b.metBy.push(r.from);
  }
  return out;
}

export interface WorkspaceTreeOptions {
  types: SummaryKind[];
  t: Translate;
}

/**
 * Workspace mode: regions merged across articles (every article's 江苏 officials together) → type
 * group → entity (merged by name and type) → article (expanded) → mentions, so a mention is three
 * clicks from its region. A region is marked inferred only where no article has it as a section.
 * Entities no region lists in any article come last, under "Not placed in a region".
 */
export function buildWorkspaceTree(index: WorkspaceIndexResult, opts: WorkspaceTreeOptions): TreeNode[] {
  const { t } = opts;
  const kinds = TREE_KINDS.filter((k) => opts.types.includes(k));
  interface Bucket {
    name: string;
    inferred: boolean;
    /** entity key → the articles where the region lists it */
    entities: Map<string, { entity: WorkspaceEntity; articles: WorkspaceArticleRef[] }>;
  }
  const buckets = new Map<string, Bucket>();
  const other: Bucket = { name: '', inferred: false, entities: new Map() };
  const put = (b: Bucket, e: WorkspaceEntity, a: WorkspaceArticleRef) => {
    let v = b.entities.get(e.key);
    if (!v) b.entities.set(e.key, (v = { entity: e, articles: [] }));
    if (!v.articles.includes(a)) v.articles.push(a);
  };
  for (const e of index.entities) {
    if (!kinds.includes(e.kind)) continue;
    for (const a of e.articles) {
      const groups = a.groups ?? [];
      if (!groups.length) put(other, e, a);
      for (const g of groups) {
        let b = buckets.get(g.name);
        if (!b) buckets.set(g.name, (b = { name: g.name, inferred: g.inferred, entities: new Map() }));
        if (!g.inferred) b.inferred = false;
        put(b, e, a);
      }
    }
  }
  // most entities first, then by name
  const ordered = [...buckets.values()].sort((a, b) => b.entities.size - a.entities.size || a.name.localeCompare(b.name, 'zh'));
  if (other.entities.size) ordered.push(other);
  const roots: TreeNode[] = [];
  for (const b of ordered) {
    const isOther = b === other;
    const rid = isOther ? 'ws|other' : `ws|region:${b.name}`;
    const count = b.entities.size === 1 ? t('1 entity') : t('{0} entities', b.entities.size);
    const region: TreeNode = {
      id: rid,
      kind: isOther ? 'lead' : 'region',
      label: isOther ? t('Not placed in a region') : b.name,
      count: b.entities.size,
      description: b.inferred ? t('{0} · inferred', count) : count,
      section: !isOther && !b.inferred,
      inferred: !isOther && b.inferred,
      expanded: true,
      children: [],
    };
    roots.push(region);
    for (const kind of kinds) {
      const members = [...b.entities.values()].filter((v) => v.entity.kind === kind);
      if (!members.length) continue;
      const g = add(region, groupNode(`${rid}|group:${kind}`, kind, members.length, t));
      for (const { entity: e, articles } of members) {
        const mentionCount = articles.reduce((n, a) => n + a.mentionCount, 0);
        const first = articles[0];
        const en = add(g, {
          id: `${rid}|${e.key}`,
          kind: 'entity',
          label: e.name,
          entityKind: kind,
          entityKey: e.key,
          count: articles.length,
          description: articles.length === 1 ? t('1 article · {0}', mentionCount) : t('{0} articles · {1}', articles.length, mentionCount),
          uri: first?.uri,
          range: first?.mentions[0]?.range,
          children: [],
        });
        for (const a of articles) {
          const an = add(en, {
            id: `${en.id}|${a.uri}`,
            kind: 'article',
            label: a.path,
            description: String(a.mentionCount),
            count: a.mentionCount,
            uri: a.uri,
            range: a.mentions[0]?.range,
            entityKey: e.key,
            expanded: true,
            children: [],
          });
          for (const m of a.mentions) {
            add(an, {
              id: `${an.id}|m:${m.range.start.line}:${m.range.start.character}`,
              kind: 'mention',
              label: m.snippet,
              highlights: [[m.snippetStart, m.snippetEnd]],
              description: t('line {0}', m.range.start.line + 1),
              uri: a.uri,
              range: m.range,
              entityKey: e.key,
              children: [],
            });
          }
        }
      }
    }
  }
  return roots;
}

/** Plain JSON (no parent links) for tests and the getTree command. */
export interface PlainNode {
  id: string;
  kind: NodeKind;
  label: string;
  description?: string;
  count?: number;
  entityKind?: SummaryKind;
  uri?: string;
  range?: Rng;
  entityId?: string;
  children: PlainNode[];
}

export function toPlain(nodes: TreeNode[]): PlainNode[] {
  return nodes.map((n) => ({
    id: n.id,
    kind: n.kind,
    label: n.label,
    description: n.description,
    count: n.count,
    entityKind: n.entityKind,
    uri: n.uri,
    range: n.range,
    entityId: n.entityId,
    children: toPlain(n.children),
  }));
}

/** Depth-first search. */
export function findNode(nodes: TreeNode[], pred: (n: TreeNode) => boolean): TreeNode | undefined {
  for (const n of nodes) {
    if (pred(n)) return n;
    const c = findNode(n.children, pred);
    if (c) return c;
  }
  return undefined;
}

/** The mention covering a position (caret between characters counts at both ends). */
export function mentionAtPosition(summary: ArticleSummary, pos: Pos): ArticleSummary['mentions'][number] | undefined {
  const before = (a: Pos, b: Pos) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  for (const m of summary.mentions) {
    if (before(m.range.start, pos) && before(pos, m.range.end)) return m;
    if (m.range.start.line > pos.line) break;
  }
  return undefined;
}
