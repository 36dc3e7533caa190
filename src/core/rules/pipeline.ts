/**
 * The rule recognizer as a pipeline: the stages in the order they run over one shared context.
 * Stages claim characters in order of reliability; a later stage only uses characters no earlier
 * one claimed, so the order below is part of the rules. To add a rule, open the stage it belongs
 * to (each file says what it recognises); to add a stage, write a file with a `stageX(ctx)` (binding
 * the helpers it imports as the other stage files do: context.ts says why), put it in PIPELINE
 * where it should claim, and give it a test in test/unit/core/rules/.
 */
import { normalizeForMatching } from '../normalize';
import { createContext, MAX_TEXT_FOR_RULES, type Ctx } from './context';
import { rememberMaskedRanges } from './masked';
import type { RichSpan } from './types';
import { stageDates } from './dates';
import { stageBylines } from './bylines';
import { stageCompanies } from './companies';
import { stageCompanyLexicon } from './companyLexicon';
import { stageIndustryCompanies } from './industryCompanies';
import { stageCompanyMentions } from './companyMentions';
import { stageStockCodes } from './stockCodes';
import { stageParties } from './parties';
import { stageGov } from './government';
import { stageOrgs } from './organizations';
import { stageCountryAbbr } from './countryAbbr';
import { stageTitles } from './titles';
import { stagePostNameTitles } from './postNameTitles';
import { stageGovRegionHeads } from './regionHeads';
import { stageAliases } from './aliases';
import { stageVenues } from './venues';
import { stagePlaces } from './places';
import { stageSpeakers } from './speakers';
import { stageKnownNames } from './knownNames';

/** A rule stage: reads ctx.s, adds spans on free characters (context.ts: add). */
export type Stage = (ctx: Ctx) => void;

/** The stages, in the order they claim characters. */
export const PIPELINE: readonly Stage[] = [
  stageDates, // 1998年1月5日, 今天上午: before anything reads its numerals as names or places
  stageBylines, // 编辑：常萌, 来源：新华社
  stageCompanies, // legal names: 华为技术有限公司
  stageStockCodes, // a name before a stock code: 國藥科技(8156)
  stageCompanyLexicon, // known short names: 宁德时代
  stageIndustryCompanies, // firms by brand and trade in a list of visits: 前往丰弛鞋业、希润米业
  stageCompanyMentions, // their later mentions, and those of a name before a stock code
  stageParties, // 中国共产党, 中共十五大
  stageGov, // 国务院, 北京市商务局, 市委宣传部
  stageOrgs, // 新华社, 北京大学, 精英团
  stageCountryAbbr, // 中美两国, 访美, 驻华
  stageTitles, // 北京市委书记尹力: title chains and the names after them (attach to the bodies above)
  stagePostNameTitles, // 江泽民主席
  stageGovRegionHeads, // 北京市委, 广东省政府 outside a title chain
  stageAliases, // the document's short forms of its legal company names
  stageVenues, // 国家体育场, 来到万达广场
  stagePlaces, // 朝阳区, 在京, 首都
  stageSpeakers, // 李强指出, 邓小平理论
  stageKnownNames, // later bare mentions of the names found above
];

/** Full rule/lexicon recognition with extra facts; spans sorted by start, non-overlapping. Never throws. */
export function recognizeRich(text: string): RichSpan[] {
  return runRules(text, PIPELINE);
}

/**
 * Runs `stages` (PIPELINE, or a few of them: a test can run one stage alone) over `text`. Never
 * throws: a failing stage loses only its own spans. `normalized` is normalizeForMatching(text) when
 * the caller has it already (analyze), so the text is not normalised twice.
 */
export function runRules(text: string, stages: readonly Stage[], normalized?: string, shouldStop?: () => boolean): RichSpan[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const original = text.length > MAX_TEXT_FOR_RULES ? text.slice(0, MAX_TEXT_FOR_RULES) : text;
  const s = normalized === undefined ? normalizeForMatching(original) : normalized.length === original.length ? normalized : normalized.slice(0, original.length);
  const ctx = createContext(s);
  try {
    for (const [a, b] of rememberMaskedRanges(original)) ctx.taken.fill(1, a, b);
  } catch {
    /* ignore */
  }
  for (const st of stages) {
    // (a superseded analysis stops between stages: AnalyzeOptions.shouldStop)
    if (shouldStop?.()) break;
    try {
      st(ctx);
    } catch {
      /* a failing stage must not lose the others' results */
    }
  }
  // report the original text, not the normalised copy (the same text when normalising changed
  // nothing: then every text field already holds it)
  if (s !== original) for (const sp of ctx.spans) {
    sp.text = original.slice(sp.start, sp.end);
    const ch = sp.chain;
    if (ch && ch.orgStart !== undefined && ch.orgEnd !== undefined) ch.organization = original.slice(ch.orgStart, ch.orgEnd);
    if (ch) ch.inText = original.slice(ch.start, ch.end);
  }
  return sortByStart(ctx.spans);
}

/**
 * Sorts spans that never overlap (every rule span claims its characters) by start, in place:
 * the order of sort((a, b) => a.start - b.start || b.end - a.end), as starts are distinct, by a
 * numeric sort of start·2^22 + index instead of a comparator call per comparison.
 */
function sortByStart(spans: RichSpan[]): RichSpan[] {
  const len = spans.length;
  const IDX = 1 << 22; // > MAX_TEXT_FOR_RULES >= any span count
  const keys = new Float64Array(len);
  for (let k = 0; k < len; k++) keys[k] = spans[k].start * IDX + k;
  keys.sort();
  const copy = spans.slice();
  for (let k = 0; k < len; k++) spans[k] = copy[keys[k] % IDX];
  return spans;
}

