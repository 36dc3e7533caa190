/**
 * Stage: the later mentions of a company the rules read once from its context. A firm named in a
 * list of visits (走访了瑞丰新材、恒润重工等企业) or before its stock code (恒瑞医药(600276)) is
 * named the same way again where no context says it is a firm (恒润重工总经理陈海涛陪同): an article
 * that called a name a company calls it one throughout. Runs before the titles stage, so a post
 * written after such a mention is that company's (a business person's), as after any company.
 *
 * Only names the rules read from context: legal names recur with their suffix (the companies stage
 * reads every one) and the lexicon's names are matched everywhere already. At least three
 * characters, so that a short name is no piece of a word; the lexicon stage's boundary tests apply.
 */
import type { Ctx } from './context';
import * as companyLexiconModule from './companyLexicon';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { stageCompanyLexicon } = companyLexiconModule;

export function stageCompanyMentions(ctx: Ctx): void {
  const { s } = ctx;
  let names: Map<string, string> | undefined;
  for (const sp of ctx.spans) {
    if (sp.type !== 'company' || sp.source !== 'rule' || sp.end - sp.start < 3) continue;
    const name = s.slice(sp.start, sp.end);
    // (a name that ends in a legal form is read again wherever it recurs)
    if (LEGAL_END.test(name) || !HAN_START.test(name)) continue;
    (names ??= new Map()).set(name, name);
  }
  if (names) stageCompanyLexicon(ctx, names);
}

const LEGAL_END = /(?:公司|集团|银行|有限|股份|厂)$/;
const HAN_START = /^[\u4e00-\u9fff]/;
