/**
 * The relations picture, inside a webview (no network: the page's Content-Security-Policy allows only
 * this bundled script; d3-force is bundled into it by esbuild). Officials on the left, business people
 * in the middle, companies on the right, pulled together by d3-force along the edges (met, visited,
 * works for). Theme-aware through VS Code's CSS variables (the entity colours are News Lens's own
 * theme colours). Keyboard: every node is a focusable button (Tab, Enter or Space jumps to its first
 * mention); the relations are also listed below, with their sentences. Export as SVG or PNG.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import type { GraphEdge, GraphNode, RelationsGraph } from '../protocol/relations';

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const vscode = acquireVsCodeApi();

interface Labels {
  [key: string]: string;
}

type N = GraphNode & SimulationNodeDatum;
type L = SimulationLinkDatum<N> & { edge: GraphEdge };

const SVG = 'http://www.w3.org/2000/svg';
const KINDS = ['official', 'person', 'company'] as const;
let labels: Labels = {};
let current: RelationsGraph | undefined;

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number> = {}, parent?: Element): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  parent?.appendChild(e);
  return e;
}

function h<K extends keyof HTMLElementTagNameMap>(name: K, text?: string, parent?: Element, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(name);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  parent?.appendChild(e);
  return e;
}

const label = (k: string, ...args: (string | number)[]) => (labels[k] ?? k).replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));

function edgeVerb(kind: GraphEdge['kind']): string {
  return kind === 'met' ? label('met') : kind === 'visited' ? label('visited') : label('works for');
}

function layout(g: RelationsGraph, width: number, height: number): { nodes: N[]; links: L[] } {
  const nodes: N[] = g.nodes.map((n) => ({ ...n }));
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const links: L[] = g.edges.filter((e) => byKey.has(e.from) && byKey.has(e.to)).map((e) => ({ source: byKey.get(e.from)!, target: byKey.get(e.to)!, edge: e }));
  // a bipartite start: officials left, business people in the middle, companies right
  const column = (n: N) => (n.kind === 'official' ? 0.2 : n.kind === 'company' ? 0.8 : 0.55);
  const counters = new Map<number, number>();
  for (const n of nodes) {
    const c = column(n);
    const i = counters.get(c) ?? 0;
    counters.set(c, i + 1);
    n.x = c * width;
    n.y = 40 + ((i * 97) % Math.max(1, height - 80));
  }
  const sim = forceSimulation(nodes)
    .force('link', forceLink<N, L>(links).distance(140).strength(0.4))
    .force('charge', forceManyBody().strength(-260))
    .force('x', forceX<N>((n) => column(n) * width).strength(0.35))
    .force('y', forceY(height / 2).strength(0.06))
    .force('collide', forceCollide(46))
    .stop();
  for (let i = 0; i < 300; i++) sim.tick();
  for (const n of nodes) {
    n.x = Math.max(60, Math.min(width - 60, n.x ?? 0));
    n.y = Math.max(30, Math.min(height - 30, n.y ?? 0));
  }
  return { nodes, links };
}

function radius(n: GraphNode): number {
  return 7 + Math.min(10, Math.sqrt(n.mentions) * 2);
}

function open(key: string): void {
  vscode.postMessage({ type: 'open', key });
}

function render(g: RelationsGraph): void {
  current = g;
  const root = document.getElementById('graph')!;
  const list = document.getElementById('list')!;
  root.textContent = '';
  list.textContent = '';
  document.getElementById('title')!.textContent = g.scope === 'workspace' ? label('Who met whom — workspace') : label('Who met whom — {0}', g.title ?? '');
  if (!g.nodes.length) {
    h('p', label('No officials, business people or companies in this article.'), root, 'empty');
    vscode.postMessage({ type: 'rendered', nodes: 0, edges: 0 });
    return;
  }
  const width = Math.max(640, root.clientWidth || 900);
  const height = Math.max(360, Math.min(900, 120 + g.nodes.length * 34));
  const { nodes, links } = layout(g, width, height);
  const svg = el('svg', { id: 'picture', viewBox: `0 0 ${width} ${height}`, width, height, role: 'group', 'aria-label': label('Relations graph') }, root);
  el('rect', { class: 'bg', x: 0, y: 0, width, height }, svg);
  const edgeLayer = el('g', { class: 'edges' }, svg);
  for (const l of links) {
    const s = l.source as N;
    const t = l.target as N;
    const line = el('line', { class: `edge ${l.edge.kind}`, x1: s.x!, y1: s.y!, x2: t.x!, y2: t.y! }, edgeLayer);
    const sentence = l.edge.sentences[0]?.text ?? '';
    el('title', {}, line).textContent = `${s.name} ${edgeVerb(l.edge.kind)} ${t.name}${sentence ? `\n${sentence}` : ''}`;
  }
  const nodeLayer = el('g', { class: 'nodes' }, svg);
  for (const n of nodes) {
    const g2 = el('g', { class: `node k-${n.kind}`, transform: `translate(${n.x},${n.y})`, tabindex: 0, role: 'button', 'data-key': n.key, 'aria-label': `${n.name}${n.english ? ` (${n.english})` : ''}, ${label(n.kind)}: ${label('go to the first mention')}` }, nodeLayer);
    el('circle', { r: radius(n) }, g2);
    const text = el('text', { class: 'name', x: 0, y: radius(n) + 14 }, g2);
    text.textContent = n.name.length > 14 ? `${n.name.slice(0, 13)}…` : n.name;
    if (n.english) {
      const en = el('text', { class: 'english', x: 0, y: radius(n) + 27 }, g2);
      en.textContent = n.english.length > 28 ? `${n.english.slice(0, 27)}…` : n.english;
    }
    el('title', {}, g2).textContent = [n.name, n.english, n.title, label('{0} mentions', n.mentions)].filter(Boolean).join('\n');
    g2.addEventListener('click', () => open(n.key));
    g2.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        open(n.key);
      }
    });
  }
  // the relations as a list, with their sentences (readable without hovering, and by screen readers)
  const byKey = new Map(g.nodes.map((n) => [n.key, n]));
  const table = h('table', undefined, list);
  for (const e of g.edges) {
    const tr = h('tr', undefined, table);
    const a = byKey.get(e.from);
    const b = byKey.get(e.to);
    h('td', a?.name ?? e.from, tr, a ? `k-${a.kind}` : undefined);
    h('td', edgeVerb(e.kind), tr, `verb ${e.kind}`);
    h('td', b?.name ?? e.to, tr, b ? `k-${b.kind}` : undefined);
    h('td', e.sentences[0]?.text ?? '', tr, 'sentence');
  }
  vscode.postMessage({ type: 'rendered', nodes: nodes.length, edges: links.length });
}

/** The picture as a stand-alone SVG: the theme's colours written in, so it looks the same anywhere. */
function standaloneSvg(): string | undefined {
  const svg = document.querySelector<SVGSVGElement>('#picture');
  if (!svg) return undefined;
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const fg = v('--vscode-editor-foreground', '#333333');
  const bg = v('--vscode-editor-background', '#ffffff');
  const font = v('--vscode-font-family', 'sans-serif');
  const kinds = KINDS.map((k) => `.k-${k} circle { fill: ${v(`--vscode-newsLens-${k}Foreground`, fg)}; }`).join('\n');
  const style = `.bg { fill: ${bg}; } text { font-family: ${font}; font-size: 12px; fill: ${fg}; text-anchor: middle; } .english { font-size: 10px; opacity: 0.8; }
.edge { stroke: ${fg}; stroke-opacity: 0.55; stroke-width: 1.5; } .visited { stroke-dasharray: 6 4; } .works-for { stroke-dasharray: 2 3; }
${kinds}`;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', SVG);
  const st = document.createElementNS(SVG, 'style');
  st.textContent = style;
  clone.insertBefore(st, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

async function exportAs(format: 'svg' | 'png', id?: number): Promise<void> {
  const svg = standaloneSvg();
  if (!svg) {
    vscode.postMessage({ type: 'exported', format, id, error: 'nothing to export' });
    return;
  }
  if (format === 'svg') {
    vscode.postMessage({ type: 'exported', format, id, data: svg });
    return;
  }
  const picture = document.querySelector<SVGSVGElement>('#picture')!;
  const w = Number(picture.getAttribute('width'));
  const hgt = Number(picture.getAttribute('height'));
  const img = new Image();
  const url = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(svg)))}`;
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('the SVG could not be drawn'));
    img.src = url;
  }).catch((err: Error) => vscode.postMessage({ type: 'exported', format, id, error: err.message }));
  if (!img.complete || !img.naturalWidth) return;
  const canvas = document.createElement('canvas');
  canvas.width = w * 2;
  canvas.height = hgt * 2;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(2, 2);
  ctx.drawImage(img, 0, 0, w, hgt);
  vscode.postMessage({ type: 'exported', format, id, data: canvas.toDataURL('image/png') });
}

window.addEventListener('message', (ev: MessageEvent) => {
  const m = ev.data as { type: string; graph?: RelationsGraph; labels?: Labels; key?: string; format?: 'svg' | 'png'; id?: number };
  if (m.type === 'graph' && m.graph) {
    labels = m.labels ?? labels;
    render(m.graph);
  } else if (m.type === 'export' && m.format) void exportAs(m.format, m.id);
  else if (m.type === 'click' && m.key) {
    // the integration tests click a node the way a mouse does: a DOM click on its element
    const target = document.querySelector(`[data-key="${CSS.escape(m.key)}"]`);
    if (target) target.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    else vscode.postMessage({ type: 'clicked', key: m.key, missing: true });
  } else if (m.type === 'relayout' && current) render(current);
});

document.getElementById('export-svg')?.addEventListener('click', () => void exportAs('svg'));
document.getElementById('export-png')?.addEventListener('click', () => void exportAs('png'));
vscode.postMessage({ type: 'ready' });
