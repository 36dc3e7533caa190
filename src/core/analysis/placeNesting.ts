/**
 * Step 6 of analyze(): places nest in the regions written in front of them. A place also written
 * with its region in front (北部都会区 … 香港北部都会区) lies in that region, and so does the longer
 * form itself when the lexicon does not know it.
 */
import type { Entity } from '../types';
import { lexicons, lookupPlace } from '../lexicon';
import { normalizeForMatching } from '../normalize';

/** Sets `within` and `region` of the place entities a region is written in front of. */
export function nestPlaces(entities: Entity[]): void {
  const lx = lexicons();
  // keys of entity names, normalised as the entity ids are
  const N = (t: string) => normalizeForMatching(t);
  const placeByKey = new Map<string, Entity>();
  for (const e of entities) if (e.type === 'place') placeByKey.set(N(e.name), e);
  for (const e of entities) {
    if (e.type !== 'place') continue;
    const key = N(e.name);
    const lead = lx.places.longest(key, 0);
    if (!lead || lead[0] > key.length - 2) continue;
    const info = lead[1];
    if (info.level !== 'province' && info.level !== 'city' && info.level !== 'district') continue;
    const rest = placeByKey.get(key.slice(lead[0]));
    if (rest && !rest.within && !lookupPlace(N(rest.name))) {
      rest.within = info.name;
      rest.region = info.name;
    }
    if (!e.within && !lookupPlace(key)) {
      e.within = info.name;
      e.region = info.name;
    }
  }
}
