/**
 * English renderings for readers who do not read Chinese fluently: names of people (Yin Li), places
 * (Chaoyang District), government bodies (National Development and Reform Commission), companies
 * (CATL, from the knowledge base), organizations, titles composed by rule (Secretary of the CPC
 * Beijing Municipal Committee) and dates. Sources: the curated glossary (glossary.ts, general
 * knowledge), a compact table derived from CC-CEDICT (cedict.data.ts, CC BY-SA 4.0), the knowledge
 * base (src/core/knowledge) and pinyin-pro. Whatever none of them covers has no rendering
 * (undefined): callers say "no English rendering" rather than guess. Pure; nothing here throws.
 */
import type { Entity } from '../types';
import { lookupCompany, type KnowledgeBase } from '../knowledge';
import { lookupPlace } from '../lexicon';
import { cedictTables, englishPersonName, placeEnglish } from './names';
import { englishBody, englishTitle, type TitleEnglish } from './titles';
import { DAY_PARTS, LEGAL_FORMS, MONTHS, ORG_KINDS, PLACE_SUFFIXES } from './glossary';
import { CEDICT_SOURCE } from './cedict.data';

export { englishPersonName, placeEnglish, englishTitle, englishBody, CEDICT_SOURCE, type TitleEnglish };

/**
 * English of a place name as written: 广东 → Guangdong, 广东省 → Guangdong Province, 朝阳区 → Chaoyang
 * District, 沙特阿拉伯 → Saudi Arabia.
 */
export function englishPlace(name: string): string | undefined {
  const p = placeEnglish(name);
  if (!p) return undefined;
  const written = typeof name === 'string' && PLACE_SUFFIXES.some(([zh, en]) => en && name.endsWith(zh) && name.length > zh.length);
  return written ? p.full : p.stem;
}

/** After a company's known name: （中国）有限公司北京分行 → "(China) Co., Ltd. Beijing Branch"; undefined when not understood. */
function legalRest(rest: string): string | undefined {
  const out: string[] = [];
  let s = rest.trim();
  for (let guard = 0; s && guard < 8; guard++) {
    const bracket = /^[（(]([^（）()]{1,12})[）)]/.exec(s);
    if (bracket) {
      const place = englishPlace(bracket[1]);
      if (!place) return undefined;
      out.push(`(${place})`);
      s = s.slice(bracket[0].length);
      continue;
    }
    const form = LEGAL_FORMS.find(([zh]) => s.startsWith(zh));
    if (form) {
      if (form[1]) out.push(form[1]);
      s = s.slice(form[0].length);
      continue;
    }
    // a region before a branch: 北京分行
    let matched = false;
    for (let len = Math.min(8, s.length); len >= 2 && !matched; len--) {
      const info = lookupPlace(s.slice(0, len));
      const place = info && placeEnglish(info.name);
      if (place && LEGAL_FORMS.some(([zh]) => s.startsWith(zh, len))) {
        out.push(place.stem);
        s = s.slice(len);
        matched = true;
      }
    }
    if (!matched) return undefined;
  }
  return out.join(' ').replace(/\s+/g, ' ').trim();
}

export interface CompanyEnglish {
  en: string;
  /** Where the English name comes from. */
  source: string;
}

/** English name of a company: the user's knowledge, the bundled knowledge base, then CC-CEDICT. */
export function englishCompany(name: string, aliases: readonly string[] = [], knowledge?: KnowledgeBase): CompanyEnglish | undefined {
  try {
    if (typeof name !== 'string' || !name) return undefined;
    for (const r of lookupCompany(name, aliases, { extra: knowledge })) {
      const en = r.facts.find((f) => f.key === 'englishName')?.value;
      if (!en) continue;
      // the part of a legal name after the known name: 西门子 + （中国）有限公司
      const known = [r.name, ...r.aliases].filter((n) => name.startsWith(n)).sort((a, b) => b.length - a.length)[0];
      const rest = known ? legalRest(name.slice(known.length)) : undefined;
      return { en: rest ? `${en} ${rest}` : en, source: r.source };
    }
    const names = cedictTables().names;
    for (const n of [name, ...aliases]) {
      const en = names.get(n);
      if (en) return { en, source: CEDICT_SOURCE };
    }
    // a legal name whose short form CC-CEDICT knows: 渣打银行 + （中国）有限公司北京分行
    for (let len = Math.min(12, name.length - 1); len >= 2; len--) {
      const en = names.get(name.slice(0, len));
      if (!en) continue;
      const rest = legalRest(name.slice(len));
      if (rest !== undefined) return { en: rest ? `${en} ${rest}` : en, source: CEDICT_SOURCE };
    }
    return undefined;
  } catch {
    return undefined;
  }
}

/** English of an organization: CC-CEDICT, a region + kind (广州日报 → Guangzhou Daily), or a body. */
export function englishOrganization(name: string): string | undefined {
  try {
    if (typeof name !== 'string' || !name) return undefined;
    const known = cedictTables().names.get(name);
    if (known) return known;
    for (const [kind, template] of Object.entries(ORG_KINDS)) {
      if (!name.endsWith(kind) || name.length <= kind.length) continue;
      const place = placeEnglish(name.slice(0, -kind.length));
      if (place) return template.replace('{R}', place.stem);
    }
    return englishBody(name);
  } catch {
    return undefined;
  }
}

/** 2月18日上午 → "18 February, morning"; 2月18日至20日 → "18–20 February". */
export function englishDate(text: string): string | undefined {
  try {
    const m = /^(?:(\d{4})年)?(?:(\d{1,2})月)?(?:(\d{1,2})日)?(?:(?:至|到|—|-)(\d{1,2})日)?(凌晨|清晨|早晨|早上|上午|中午|下午|傍晚|晚上|晚间|夜间|深夜)?$/.exec(typeof text === 'string' ? text.trim() : '');
    if (!m || (!m[1] && !m[2] && !m[3])) return undefined;
    const [, y, mo, d, d2, part] = m;
    const month = mo ? MONTHS[Number(mo) - 1] : undefined;
    if (mo && !month) return undefined;
    const day = d ? (d2 ? `${Number(d)}–${Number(d2)}` : String(Number(d))) : '';
    const date = [day, month, y].filter(Boolean).join(' ');
    return part ? `${date}, ${DAY_PARTS[part]}` : date;
  } catch {
    return undefined;
  }
}

export interface EntityEnglish {
  /** The entity's name in English; undefined: no English rendering. */
  name?: string;
  /** Each title (full form) with its English; `en` undefined: no English rendering. */
  titles: { zh: string; en?: string }[];
}

/** A company's English without the explanation in parentheses: "CATL (Contemporary …)" → "CATL". */
export function shortEnglish(en: string): string {
  return en.replace(/\s*\([^)]*\)\s*$/, '').trim() || en;
}

/** English of everything a card or an export shows about an entity. Never throws. */
export function englishForEntity(entity: Entity, knowledge?: KnowledgeBase, organizationOf?: (name: string) => string | undefined): EntityEnglish {
  try {
    const titles = entity.titles.map((t) => {
      const zh = t.full || t.inText;
      let en = englishTitle(zh).en;
      if (en && t.organization && entity.role !== 'official') {
        const org = organizationOf?.(t.organization) ?? englishCompany(t.organization, [], knowledge)?.en;
        if (org) en = `${en}, ${shortEnglish(org)}`;
      }
      return { zh, en };
    });
    let name: string | undefined;
    switch (entity.type) {
      case 'person':
        name = englishPersonName(entity.name);
        break;
      case 'place':
        name = englishPlace(entity.name);
        break;
      case 'government':
        name = englishBody(entity.name);
        break;
      case 'organization':
        name = englishOrganization(entity.name);
        break;
      case 'company':
        name = englishCompany(entity.name, entity.aliases, knowledge)?.en;
        break;
      case 'title':
        name = englishTitle(entity.titles[0]?.full || entity.name).en;
        break;
      case 'date':
        name = englishDate(entity.name);
        break;
    }
    return { name, titles };
  } catch {
    return { titles: [] };
  }
}
