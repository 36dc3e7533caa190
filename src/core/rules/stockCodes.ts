/**
 * Stage: a listed company named with its stock code in brackets (國藥科技(8156), 贵州茅台（600519.SH）,
 * 腾讯控股(00700.HK), 宁德时代（股票代码：300750）): whatever comes right before the code is the
 * company's name, walked back to the start of the name as legal names are. Listed-company news and
 * exchange filings write a company this way once, then by its short name.
 */
import type { Ctx } from './context';
import * as contextModule from './context';
import * as walkBackModule from './walkBack';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { add, free, setOrg } = contextModule;
const { walkBack } = walkBackModule;

/** A stock code in brackets: exchange prefixes and suffixes of the mainland, Hong Kong and US markets. */
const CODE = /[(（](?:(?:股票|证券)?代码[:：]?\s*)?(?:(?:SH|SZ|BJ|HK|SS|sh|sz|hk)[:：.]?)?(\d{4,6})(?:\.(?:SH|SZ|BJ|HK|SS|sh|sz|hk))?[)）]/g;
/** A word that refers to a company without naming it (公司(8156) in a filing about itself). */
const GENERIC = /^(?:该|本|其|上述|这家|此|子|母)?(?:公司|集团|企业|银行|股份|控股)$/;
/** Longest name walked back over (a listed company's full name is rarely longer). */
const MAX_NAME = 12;

export function stageStockCodes(ctx: Ctx): void {
  const { s } = ctx;
  if (s.indexOf('(') < 0 && s.indexOf('（') < 0) return;
  CODE.lastIndex = 0;
  for (let m = CODE.exec(s); m; m = CODE.exec(s)) {
    const end = m.index;
    if (end < 2 || ctx.taken[end - 1]) continue;
    // (the code itself: six digits of a mainland share, four or five of Hong Kong's; not a year)
    const digits = m[1];
    if (digits.length === 4 && /^(19|20)\d\d$/.test(digits)) continue;
    const back = walkBack(s, end, MAX_NAME, ctx.taken);
    const start = back.start;
    if (end - start < 2 || !free(ctx, start, end) || GENERIC.test(s.slice(start, end))) continue;
    const sp = add(ctx, { type: 'company', start, end, priority: 80, source: 'rule', listed: true });
    if (sp) setOrg(ctx, start, sp);
  }
}
