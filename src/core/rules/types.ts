/**
 * What the rule stages produce: spans with the facts the analysis needs (a person's title chain,
 * a place's lexicon entry, a company's short forms). Public: src/core re-exports these types.
 */
import type { EntityType, PersonRole, Span } from '../types';
import type { PlaceInfo } from '../lexicon';

/** A title chain as written before (or after) a person's name. */
export interface TitleChain {
  /** The chain as written, e.g. "市委副书记、市长" or "北京市委书记". */
  inText: string;
  start: number;
  end: number;
  /** Units of the chain, each with the region written in it (if any). */
  units: { start: number; end: number; text: string; region?: string; hasRegionalPrefix: boolean; core: string }[];
  /** Explicit region written in the chain (canonical), e.g. 北京. */
  region?: string;
  /** Company the post belongs to (text of the company span), if any. */
  organization?: string;
  /** Offsets of the organization span, when written in the text. */
  orgStart?: number;
  orgEnd?: number;
  /** Type of the organization span (a post at a company, or in a government body/organization). */
  orgType?: EntityType;
  /** The role the chain gives whoever holds it (a name the model reads after a chain whose name the rules could not read takes it). */
  role?: PersonRole;
}

/** Span with the extra facts the analysis needs. */
export interface RichSpan extends Span {
  priority: number;
  role?: PersonRole;
  chain?: TitleChain;
  /** Places: canonical info. */
  place?: PlaceInfo;
  /** Companies: a legal name's short forms (stem before the suffix, bracketed short name). */
  aliases?: string[];
  /** Persons: a later mention of a name the text already established (stageKnownNames). */
  knownName?: boolean;
  /** A short form that refers to the company written as `aliasOf` (legal name text). */
  aliasOf?: string;
  /** Companies: true when recognised by a legal-name suffix. */
  legal?: boolean;
  /** Companies: named with a stock code in brackets after them (國藥科技(8156)). */
  listed?: boolean;
  /** Places without lexicon info (venues): canonical name of the region written before them. */
  within?: string;
}
