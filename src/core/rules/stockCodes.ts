/**
 * Stage: a listed company named with its stock code in brackets (國藥科技(8156), 贵州茅台（600519.SH）,
 * 腾讯控股(00700.HK), 宁德时代（股票代码：300750）): whatever comes right before the code is the
 * company's name, walked back to the start of the name as legal names are. Listed-company news and
 * exchange filings write a company this way once, then by its short name. A filing's header also
 * gives the short name by its label (证券简称：广东明珠 证券代码：600382): the short name is a company.
 */
import type { Ctx } from './context';
import * as contextModule from './context';
import * as walkBackModule from './walkBack';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { add, free, setOrg } = contextModule;
const { walkBack } = walkBackModule;

/** A stock code in brackets: exchange prefixes and suffixes of the mainland, Hong Kong and US markets. */
const CODE = /[(（](?:(?:股票|证券)?代码[:：]?\s*)?(?:(?:SH|SZ|BJ|HK|SS|sh|sz|hk)[:：.]?)?(\d{4,6})(?:\.(?:SH|SZ|BJ|HK|SS|sh|sz|hk))?[)）]/g;
/**
 * CODE.exec(s), tried only at brackets: every match opens with ( or （, so a sticky test at each
 * bracket from lastIndex on, in order, finds the same leftmost match and leaves lastIndex where the
 * global scan would (the scan no longer tries every position of the text).
 */
function codeFrom(s: string): RegExpExecArray | null {
  const from = CODE.lastIndex;
  let a = s.indexOf('(', from);
  let b = s.indexOf('（', from);
  while (a >= 0 || b >= 0) {
    const p = b < 0 || (a >= 0 && a < b) ? a : b;
    CODE_AT.lastIndex = p;
    const m = CODE_AT.exec(s);
    if (m) {
      CODE.lastIndex = CODE_AT.lastIndex;
      return m;
    }
    if (p === a) a = s.indexOf('(', a + 1);
    else b = s.indexOf('（', b + 1);
  }
  CODE.lastIndex = 0;
  return null;
}
const CODE_AT = new RegExp(CODE.source, 'y');
/** A word that refers to a company without naming it (公司(8156) in a filing about itself). */
const GENERIC = /^(?:该|本|其|上述|这家|此|子|母)?(?:公司|集团|企业|银行|股份|控股)$/;
/** Longest name walked back over (a listed company's full name is rarely longer). */
const MAX_NAME = 12;

/** A filing header's label for the short name, and the name up to the next space or mark. */
const SHORT_NAME_LABEL = /(?:证券|股票|股份|公司|A股|B股|H股)简称\s*[:：]\s*([A-Za-z*\u4e00-\u9fff]{2,10})/g;

export function stageStockCodes(ctx: Ctx): void {
  const { s } = ctx;
  if (s.indexOf('简称') >= 0) {
    SHORT_NAME_LABEL.lastIndex = 0;
    for (let m = SHORT_NAME_LABEL.exec(s); m; m = SHORT_NAME_LABEL.exec(s)) {
      // (a star marks special treatment, *ST: part of the name as traded)
      const start = m.index + m[0].length - m[1].length;
      const end = start + m[1].length;
      if (!free(ctx, start, end) || GENERIC.test(m[1])) continue;
      const sp = add(ctx, { type: 'company', start, end, priority: 80, source: 'rule', listed: true });
      if (sp) setOrg(ctx, start, sp);
    }
  }
  if (s.indexOf('(') < 0 && s.indexOf('（') < 0) return;
  CODE.lastIndex = 0;
  for (let m = codeFrom(s); m; m = codeFrom(s)) {
    const end = m.index;
    if (end < 2) continue;
    if (ctx.taken[end - 1]) {
      // a legal name the companies stage already read (正乾金融控股(01152)): the code says it is listed,
      // which the merge trusts over a model that does not know the name
      for (const sp of ctx.spans) if (sp.type === 'company' && sp.end === end) sp.listed = true;
      continue;
    }
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
