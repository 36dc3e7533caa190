/**
 * Stage: the document's own short forms of the names found earlier. Companies: the stem before a
 * legal name's suffix and a bracketed short name (华为 after 华为技术有限公司), found like lexicon names
 * and linked to the legal name (aliasOf). Bodies: a government body's or
 * organization's name without its region or parent (北方网 after 天津北方网, 省台办 after 海南省台办:
 * orgForms.ts), where the text has a boundary before it.
 */
import * as charClassesModule from './charClasses';
import type { Ctx } from './context';
import * as contextModule from './context';
import * as companyLexiconModule from './companyLexicon';
import * as orgFormsModule from './orgForms';
import * as scanModule from './scan';
import type { RichSpan } from './types';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { isHan } = charClassesModule;
const { add, setOrg } = contextModule;
const { stageCompanyLexicon } = companyLexiconModule;
const { bodyKey, bodyShortForms } = orgFormsModule;
const { occurrences } = scanModule;

export function stageAliases(ctx: Ctx): void {
  const extra = new Map<string, string>();
  const bodies = new Map<string, RichSpan>();
  for (const sp of ctx.spans) {
    if (sp.type === 'company' && sp.legal && sp.aliases) for (const a of sp.aliases) if (a.length >= 2 && !extra.has(a)) extra.set(a, sp.text);
    if ((sp.type === 'government' || sp.type === 'organization') && sp.end - sp.start >= 4) bodies.set(sp.text, sp);
  }
  if (extra.size) {
    stageCompanyLexicon(ctx, extra);
  }
  if (bodies.size) bodyShortNames(ctx, bodies);
}

/** The short forms of the bodies found, where free and after a boundary: the same type as the body. */
function bodyShortNames(ctx: Ctx, bodies: Map<string, RichSpan>): void {
  const { s, taken } = ctx;
  const typeOf = new Map<string, RichSpan['type']>();
  for (const [text, sp] of bodies) {
    for (const f of bodyShortForms(bodyKey(text))) if (f.length >= 3 && !typeOf.has(f)) typeOf.set(f, sp.type);
  }
  if (!typeOf.size) return;
  const byLen = [...typeOf.keys()].sort((a, b) => b.length - a.length);
  for (const p of occurrences(s, byLen)) {
    if (taken[p]) continue;
    // a boundary before it: not the tail of a longer word (东北方网)
    if (p > 0 && isHan(s.charCodeAt(p - 1)) && !taken[p - 1]) continue;
    const f = byLen.find((w) => s.startsWith(w, p));
    if (!f) continue;
    // priority 85: the article named the body in full, so the merge keeps it as it keeps a source line's names
    const sp = add(ctx, { type: typeOf.get(f)!, start: p, end: p + f.length, priority: 85, source: 'rule' });
    if (sp) setOrg(ctx, p, sp);
  }
}
