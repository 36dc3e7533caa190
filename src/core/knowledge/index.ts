/**
 * The bundled knowledge base: facts about companies that do not come from the article — A-share
 * listings (exchange code, exchange, province/city, industry) and well-known foreign companies
 * (English name, home country). Pure and synchronous; the data is parsed lazily on first use.
 *
 * Every record names its source and the date its facts were true as of, so cards can say where a
 * fact comes from. No facts about people are bundled: person records only come from the user's own
 * corrections file (passed in as `extra`).
 */
import { normalizeForMatching } from '../normalize';
import { ASHARE_AS_OF, ASHARE_DATA, ASHARE_SOURCE } from './ashare.data';
import { COUNTRIES, FOREIGN_AS_OF, FOREIGN_DATA, FOREIGN_SOURCE } from './foreign';
import { CHINESE_AS_OF, CHINESE_DATA, CHINESE_SOURCE } from './chinese';

export { ASHARE_AS_OF, FOREIGN_AS_OF, COUNTRIES };

export type KnowledgeFactKey =
  | 'code'
  | 'exchange'
  | 'area'
  | 'industry'
  | 'englishName'
  | 'country'
  | 'website'
  | 'note';

export interface KnowledgeFact {
  key: KnowledgeFactKey;
  value: string;
}

export interface KnowledgeRecord {
  kind: 'company' | 'person';
  /** Canonical name in the knowledge base (宁德时代, 西门子). */
  name: string;
  aliases: string[];
  facts: KnowledgeFact[];
  /** Where the facts come from (a data set, a publication, "user"). */
  source: string;
  /** ISO date (YYYY-MM-DD, or YYYY-MM / YYYY) the facts were true as of; '' when the user gave none. */
  asOf: string;
  /** 'bundled' ships with News Lens; 'user' comes from .vscode/news-lens.json. */
  origin: 'bundled' | 'user';
  /** Which table: 'a-share', 'foreign', 'chinese' (English names of Chinese companies) or 'user'. */
  table: 'a-share' | 'foreign' | 'chinese' | 'user';
}

export const EXCHANGES: Record<string, { zh: string; en: string }> = {
  SZ: { zh: '深交所', en: 'Shenzhen Stock Exchange' },
  SH: { zh: '上交所', en: 'Shanghai Stock Exchange' },
  BJ: { zh: '北交所', en: 'Beijing Stock Exchange' },
};

/** The exchange of a ts_code such as 300750.SZ. */
export function exchangeOf(code: string): { zh: string; en: string } | undefined {
  const m = /\.(SZ|SH|BJ)$/i.exec(code ?? '');
  return m ? EXCHANGES[m[1].toUpperCase()] : undefined;
}

interface Index {
  byKey: Map<string, KnowledgeRecord[]>;
  maxKeyLength: number;
}

let bundled: Index | undefined;

const key = (s: string) => normalizeForMatching(s).replace(/\s+/g, '').toLowerCase();

function addTo(index: Index, rec: KnowledgeRecord): void {
  for (const n of [rec.name, ...rec.aliases]) {
    const k = key(n);
    if (k.length < 2 && !/^[a-z0-9]/.test(k)) continue;
    const list = index.byKey.get(k) ?? [];
    if (!list.includes(rec)) list.push(rec);
    index.byKey.set(k, list);
    if (k.length > index.maxKeyLength) index.maxKeyLength = k.length;
  }
}

function bundledIndex(): Index {
  if (bundled) return bundled;
  const index: Index = { byKey: new Map(), maxKeyLength: 0 };
  for (const line of ASHARE_DATA.split('\n')) {
    const [name, code, area, industry] = line.split('|');
    if (!name || !code) continue;
    const facts: KnowledgeFact[] = [{ key: 'code', value: code }];
    const ex = exchangeOf(code);
    if (ex) facts.push({ key: 'exchange', value: ex.zh });
    if (area) facts.push({ key: 'area', value: area });
    if (industry) facts.push({ key: 'industry', value: industry });
    addTo(index, { kind: 'company', name, aliases: [], facts, source: ASHARE_SOURCE, asOf: ASHARE_AS_OF, origin: 'bundled', table: 'a-share' });
  }
  for (const line of FOREIGN_DATA.split('\n')) {
    const [zh, en, cc] = line.split('|');
    if (!zh || !en) continue;
    const names = zh.split(',').map((s) => s.trim()).filter(Boolean);
    const country = COUNTRIES[cc?.trim() ?? ''];
    const facts: KnowledgeFact[] = [{ key: 'englishName', value: en }];
    if (country) facts.push({ key: 'country', value: `${country.zh} (${country.en})` });
    addTo(index, { kind: 'company', name: names[0], aliases: names.slice(1), facts, source: FOREIGN_SOURCE, asOf: FOREIGN_AS_OF, origin: 'bundled', table: 'foreign' });
  }
  for (const line of CHINESE_DATA.split('\n')) {
    const [zh, en] = line.split('|');
    if (!zh || !en) continue;
    const names = zh.split(',').map((s) => s.trim()).filter(Boolean);
    addTo(index, { kind: 'company', name: names[0], aliases: names.slice(1), facts: [{ key: 'englishName', value: en.trim() }], source: CHINESE_SOURCE, asOf: CHINESE_AS_OF, origin: 'bundled', table: 'chinese' });
  }
  bundled = index;
  return index;
}

/** A user-supplied knowledge base (from the corrections file), indexed like the bundled one. */
export class KnowledgeBase {
  private readonly index: Index = { byKey: new Map(), maxKeyLength: 0 };
  readonly records: readonly KnowledgeRecord[];
  constructor(records: KnowledgeRecord[] = []) {
    this.records = records;
    for (const r of records) addTo(this.index, r);
  }
  /** @internal */
  get _index(): Index {
    return this.index;
  }
}

const EMPTY = new KnowledgeBase();

// Legal-form and branch endings: a name ending in one of these is a legal name whose leading part
// may be the short name (西门子（中国）有限公司 → 西门子, 渣打银行（中国）有限公司北京分行 → 渣打银行).
const LEGAL = /(股份有限公司|有限责任公司|有限公司|股份公司|集团公司|集团|公司|分行|支行|分公司|办事处|代表处|研究院|工厂|厂|控股|株式会社|AG|GmbH|Inc\.?|Ltd\.?|LLC|plc|SE|S\.A\.)$/i;
const BRACKETS = /[（(][^（）()]{0,20}[）)]/g;
const HAS_BRACKETS = /[（(][^（）()]{0,20}[）)]/;

function candidates(name: string): { k: string; exact: boolean }[] {
  const out: { k: string; exact: boolean }[] = [];
  const full = key(name);
  if (!full) return out;
  out.push({ k: full, exact: true });
  const stripped = key(name.replace(BRACKETS, ''));
  if (stripped && stripped !== full) out.push({ k: stripped, exact: true });
  return out;
}

function find(index: Index, names: string[], allowPrefix: boolean, kind: 'company' | 'person'): KnowledgeRecord[] {
  const found: KnowledgeRecord[] = [];
  const push = (recs: KnowledgeRecord[] | undefined) => {
    for (const r of recs ?? []) if (r.kind === kind && !found.includes(r)) found.push(r);
  };
  // exact matches on any name first
  for (const n of names) for (const c of candidates(n)) push(index.byKey.get(c.k));
  if (found.length || !allowPrefix) return found;
  // then the longest known prefix of a legal name
  for (const n of names) {
    if (!LEGAL.test(n.trim()) && !HAS_BRACKETS.test(n)) continue;
    for (const c of candidates(n)) {
      for (let len = Math.min(c.k.length - 1, index.maxKeyLength); len >= 2; len--) {
        const recs = index.byKey.get(c.k.slice(0, len));
        if (recs?.length) {
          push(recs);
          break;
        }
      }
      if (found.length) return found;
    }
  }
  return found;
}

export interface LookupOptions {
  /** The user's own knowledge base; its records come first. */
  extra?: KnowledgeBase;
  /** Also match a known name as the prefix of a legal name (default true for companies). */
  prefix?: boolean;
}

/**
 * Knowledge about a company named `name` (canonical name as the article writes it) or any of its
 * `aliases`. Matches by name and alias, then by the prefix of legal names. User records first, then
 * bundled ones (A-share before foreign); at most one record per table.
 */
export function lookupCompany(name: string, aliases: readonly string[] = [], options: LookupOptions = {}): KnowledgeRecord[] {
  if (typeof name !== 'string') return [];
  const names = [name, ...aliases.filter((a) => typeof a === 'string' && a)];
  const allowPrefix = options.prefix !== false;
  const user = options.extra ? find(options.extra._index, names, allowPrefix, 'company') : [];
  const builtIn = find(bundledIndex(), names, allowPrefix, 'company');
  const out: KnowledgeRecord[] = [...user];
  const tables = new Set<string>();
  for (const r of builtIn) {
    if (tables.has(r.table)) continue;
    tables.add(r.table);
    out.push(r);
  }
  return out;
}

/** Notes about a person: only ever from the user's corrections file (nothing is bundled). */
export function lookupPerson(name: string, aliases: readonly string[] = [], options: LookupOptions = {}): KnowledgeRecord[] {
  if (typeof name !== 'string' || !options.extra) return [];
  return find(options.extra._index, [name, ...aliases], false, 'person');
}

/** Human label of a fact key, English (the server localises). */
export const FACT_LABELS: Record<KnowledgeFactKey, string> = {
  code: 'Code',
  exchange: 'Exchange',
  area: 'Province/city',
  industry: 'Industry',
  englishName: 'English name',
  country: 'Home country',
  website: 'Website',
  note: 'Note',
};

/** Counts for tests and the about box. */
export function knowledgeStats(): { aShare: number; foreign: number } {
  let aShare = 0;
  let foreign = 0;
  const seen = new Set<KnowledgeRecord>();
  for (const recs of bundledIndex().byKey.values()) {
    for (const r of recs) {
      if (seen.has(r)) continue;
      seen.add(r);
      if (r.table === 'a-share') aShare++;
      else if (r.table === 'foreign') foreign++;
    }
  }
  return { aShare, foreign };
}

export { EMPTY as EMPTY_KNOWLEDGE };
