/**
 * Step 7 of analyze(): relations between the entities, sentence by sentence: who works for whom, which
 * officials met which companies and business people, who is mentioned with whom.
 */
import type { Analysis, Mention, Relation } from '../types';
import { MEET_VERBS } from '../lexicon/words';
import { normalizeForMatching } from '../normalize';
import { indexAt } from './sentences';

const MEET_RE = new RegExp(`(${MEET_VERBS.join('|')})`);
const PARTY_RE = /(一同|一起|陪同|一行|共同|参加|出席)/;
/** Officials of one sentence who meet its companies (the rest of a roster only stands beside them). */
export const MAX_MEETING_SUBJECTS = 12;
const PARTY_ONLY_RE = /^(?:[^，。]*?)(一行人?等?|随后|之后|其间|期间|先后)/;

/**
 * Relations: works-for (a person's organization), met (officials of a sentence with a meeting verb,
 * and the party accompanying them, with the companies and business people there), co-mentioned
 * (people and organisations in one sentence). `normalized` is the article normalised for matching.
 */
export function buildRelations(normalized: string, a: Analysis): Relation[] {
  const rel = new Map<string, Relation>();
  const addRel = (kind: Relation['kind'], from: string, to: string, sentence: number) => {
    if (from === to) return;
    const key = `${kind}|${from}|${to}`;
    const r = rel.get(key);
    if (r) {
      // sentences arrive in increasing order per key: only a smaller one needs the full search
      const last = r.sentences[r.sentences.length - 1];
      if (sentence > last || (sentence < last && !r.sentences.includes(sentence))) r.sentences.push(sentence);
    } else rel.set(key, { kind, from, to, sentences: [sentence] });
  };
  const byId = new Map(a.entities.map((e) => [e.id, e]));
  // works-for
  for (const e of a.entities) {
    if (e.type === 'person' && e.organization) {
      const k = normalizeForMatching(e.organization);
      const org = byId.get(`company:${k}`) ?? byId.get(`organization:${k}`) ?? byId.get(`government:${k}`);
      if (org) addRel('works-for', e.id, org.id, e.mentions[0]?.sentence ?? 0);
    }
  }
  // per sentence groups
  const bySentence: (Mention[] | undefined)[] = new Array(a.sentences.length);
  for (const m of a.mentions) {
    const arr = bySentence[m.sentence];
    if (arr) arr.push(m);
    else bySentence[m.sentence] = [m];
  }
  const none: Mention[] = [];
  let party: string[] = [];
  let partySet = new Set<string>();
  let partyRegion: string | undefined = '\0';
  for (let si = 0; si < a.sentences.length; si++) {
    const ms = bySentence[si] ?? none;
    const s = a.sentences[si];
    const region = ms[0]?.regionId;
    const regionOfSentence = a.regions.length && s.start >= a.regions[0].start ? a.regions[indexAt(a.regions, s.start)].id : undefined;
    if (regionOfSentence !== partyRegion) {
      party = [];
      partySet = new Set();
      partyRegion = regionOfSentence;
    }
    void region;
    const officials = uniq(ms.filter((m) => m.type === 'person' && byId.get(m.entityId)?.role === 'official').map((m) => m.entityId));
    const targets = uniq(ms.filter((m) => m.type === 'company' || (m.type === 'person' && byId.get(m.entityId)?.role === 'business')).map((m) => m.entityId));
    // the sentence text is only needed when there is someone to relate
    // normalised (simplified, half-width), so 會見 and 會晤 in traditional text are meetings too
    const stext = officials.length || targets.length ? normalized.slice(s.start, s.end) : '';
    const meets = stext !== '' && MEET_RE.test(stext);
    if (officials.length && (meets || PARTY_RE.test(stext))) {
      for (const o of officials) {
        if (!partySet.has(o)) {
          partySet.add(o);
          party.push(o);
        }
      }
    }
    if (meets && targets.length) {
      const all = officials.length ? (PARTY_ONLY_RE.test(stext) ? uniq([...officials, ...party]) : officials) : party;
      // a sentence listing dozens of officials is a roster, not a meeting: its first officials (news
      // names the leaders first) meet the companies, so the work stays linear in the sentence
      const subjects = all.length > MAX_MEETING_SUBJECTS ? all.slice(0, MAX_MEETING_SUBJECTS) : all;
      for (const o of subjects) for (const t of targets) addRel('met', o, t, si);
    }
    // co-mentions between people and organisations
    const salient = uniq(ms.filter((m) => m.type === 'person' || m.type === 'company' || m.type === 'government' || m.type === 'organization').map((m) => m.entityId));
    if (salient.length <= 12) {
      for (let i = 0; i < salient.length; i++) for (let j = i + 1; j < salient.length; j++) addRel('co-mentioned', salient[i], salient[j], si);
    }
  }
  return [...rel.values()];
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
