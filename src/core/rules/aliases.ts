/**
 * Stage: the document's own short forms of the legal company names found earlier (the stem before
 * the suffix, a bracketed short name: 华为 after 华为技术有限公司), found like lexicon names and
 * linked to the legal name (aliasOf).
 */
import type { Ctx } from './context';
import * as companyLexiconModule from './companyLexicon';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { stageCompanyLexicon } = companyLexiconModule;

export function stageAliases(ctx: Ctx): void {
  const extra = new Map<string, string>();
  for (const sp of ctx.spans) {
    if (sp.type === 'company' && sp.legal && sp.aliases) for (const a of sp.aliases) if (a.length >= 2 && !extra.has(a)) extra.set(a, sp.text);
  }
  if (extra.size) stageCompanyLexicon(ctx, extra);
}
