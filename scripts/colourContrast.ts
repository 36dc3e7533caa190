/**
 * The entity colours' legibility and distinctness, measured: WCAG 2 contrast ratio of each colour
 * against the editor background of Light+, Dark+ and the two high-contrast themes, and the
 * CIEDE2000 colour difference (ΔE00) between every pair of entity colours on each theme, plus
 * their WCAG contrast against each other. Reads the defaults from package.json.
 *
 *   npx tsx scripts/colourContrast.ts          # the table for the README
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type Theme = 'light' | 'dark' | 'highContrast' | 'highContrastLight';
export const THEMES: { id: Theme; name: string; background: string }[] = [
  { id: 'light', name: 'Light+', background: '#FFFFFF' },
  { id: 'dark', name: 'Dark+', background: '#1E1E1E' },
  { id: 'highContrast', name: 'Dark High Contrast', background: '#000000' },
  { id: 'highContrastLight', name: 'Light High Contrast', background: '#FFFFFF' },
];

function rgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255) as [number, number, number];
}

const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

export function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map(lin);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

function lab(hex: string): [number, number, number] {
  const [r, g, b] = rgb(hex).map(lin);
  const X = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const Y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const Z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(Y) - 16, 500 * (f(X) - f(Y)), 200 * (f(Y) - f(Z))];
}

/** CIEDE2000 colour difference; about 2 is just noticeable, above 10–15 clearly different colours. */
export function deltaE2000(a: string, b: string): number {
  const [L1, a1, b1] = lab(a);
  const [L2, a2, b2] = lab(b);
  const rad = Math.PI / 180;
  const C1 = Math.hypot(a1, b1);
  const C2 = Math.hypot(a2, b2);
  const Cm = (C1 + C2) / 2;
  const G = 0.5 * (1 - Math.sqrt(Cm ** 7 / (Cm ** 7 + 25 ** 7)));
  const a1p = (1 + G) * a1;
  const a2p = (1 + G) * a2;
  const C1p = Math.hypot(a1p, b1);
  const C2p = Math.hypot(a2p, b2);
  const h = (x: number, y: number) => {
    if (x === 0 && y === 0) return 0;
    const d = Math.atan2(y, x) / rad;
    return d < 0 ? d + 360 : d;
  };
  const h1p = h(a1p, b1);
  const h2p = h(a2p, b2);
  const dLp = L2 - L1;
  const dCp = C2p - C1p;
  let dhp = 0;
  if (C1p * C2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(C1p * C2p) * Math.sin((dhp / 2) * rad);
  const Lpm = (L1 + L2) / 2;
  const Cpm = (C1p + C2p) / 2;
  let hpm = h1p + h2p;
  if (C1p * C2p !== 0) {
    if (Math.abs(h1p - h2p) > 180) hpm += h1p + h2p < 360 ? 360 : -360;
    hpm /= 2;
  }
  const T = 1 - 0.17 * Math.cos((hpm - 30) * rad) + 0.24 * Math.cos(2 * hpm * rad) + 0.32 * Math.cos((3 * hpm + 6) * rad) - 0.2 * Math.cos((4 * hpm - 63) * rad);
  const dTheta = 30 * Math.exp(-(((hpm - 275) / 25) ** 2));
  const Rc = 2 * Math.sqrt(Cpm ** 7 / (Cpm ** 7 + 25 ** 7));
  const Sl = 1 + (0.015 * (Lpm - 50) ** 2) / Math.sqrt(20 + (Lpm - 50) ** 2);
  const Sc = 1 + 0.045 * Cpm;
  const Sh = 1 + 0.015 * Cpm * T;
  const Rt = -Math.sin(2 * dTheta * rad) * Rc;
  return Math.sqrt((dLp / Sl) ** 2 + (dCp / Sc) ** 2 + (dHp / Sh) ** 2 + Rt * (dCp / Sc) * (dHp / Sh));
}

export interface EntityColour {
  kind: string;
  defaults: Record<Theme, string>;
}

/** The eight entity colours News Lens contributes (package.json contributes.colors). */
export function entityColours(pkgFile = path.join(__dirname, '..', 'package.json')): EntityColour[] {
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  return (pkg.contributes.colors as { id: string; defaults: Record<Theme, string> }[])
    .filter((c) => /^newsLens\.\w+Foreground$/.test(c.id))
    .map((c) => ({ kind: c.id.replace(/^newsLens\.|Foreground$/g, ''), defaults: c.defaults }));
}

export interface ThemeReport {
  theme: string;
  minBackground: { kind: string; ratio: number };
  minDeltaE: { pair: string; deltaE: number; contrast: number };
  background: Record<string, number>;
}

export function report(colours = entityColours()): ThemeReport[] {
  return THEMES.map((t) => {
    const background: Record<string, number> = {};
    let minB = { kind: '', ratio: Infinity };
    for (const c of colours) {
      const r = contrast(c.defaults[t.id], t.background);
      background[c.kind] = r;
      if (r < minB.ratio) minB = { kind: c.kind, ratio: r };
    }
    let minD = { pair: '', deltaE: Infinity, contrast: 0 };
    for (let i = 0; i < colours.length; i++) {
      for (let j = i + 1; j < colours.length; j++) {
        const d = deltaE2000(colours[i].defaults[t.id], colours[j].defaults[t.id]);
        if (d < minD.deltaE) minD = { pair: `${colours[i].kind}/${colours[j].kind}`, deltaE: d, contrast: contrast(colours[i].defaults[t.id], colours[j].defaults[t.id]) };
      }
    }
    return { theme: t.name, minBackground: minB, minDeltaE: minD, background };
  });
}

if (require.main === module) {
  const colours = entityColours();
  const rows = report(colours);
  console.log(`| theme | ${colours.map((c) => c.kind).join(' | ')} | lowest ΔE00 between two kinds |`);
  console.log(`|---|${colours.map(() => '---').join('|')}|---|`);
  for (const r of rows) console.log(`| ${r.theme} | ${colours.map((c) => `${r.background[c.kind].toFixed(1)}:1`).join(' | ')} | ${r.minDeltaE.deltaE.toFixed(1)} (${r.minDeltaE.pair}, contrast ${r.minDeltaE.contrast.toFixed(2)}:1) |`);
  if (process.argv.includes('--pairs')) {
    for (const t of THEMES) {
      const pairs: string[] = [];
      for (let i = 0; i < colours.length; i++) for (let j = i + 1; j < colours.length; j++) pairs.push(`${colours[i].kind}/${colours[j].kind} ${deltaE2000(colours[i].defaults[t.id], colours[j].defaults[t.id]).toFixed(1)}`);
      console.log(`${t.name}: ${pairs.join(', ')}`);
    }
  }
}
