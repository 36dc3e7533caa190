/**
 * Step 1 of analyze(): the article's sections by region. A region's section opens at a Markdown
 * heading (## 北京), a bold lead line (**北京：**), 【北京】 or a 北京： lead line naming a place; what
 * comes before the first is the lead.
 */
import type { Region, RegionLevel } from '../types';
import { lookupPlace, type PlaceInfo } from '../lexicon';
import { normalizeForMatching } from '../normalize';

const SECTION_PATTERNS: RegExp[] = [
  /^[ \t]*\*\*[ \t]*([^*\n]{1,16}?)[ \t]*[：:]?[ \t]*\*\*[ \t]*[：:]?/gm, // **北京：**
  /^[ \t]*#{1,6}[ \t]+([^\n#]{1,16}?)[ \t]*#*[ \t]*$/gm, // ## 北京
  /^[ \t]*【([^】\n]{1,16})】/gm, // 【北京】
  /^[ \t]*([^\s：:*#【】，。,]{2,10})[：:]/gm, // 北京：
];

function regionLevel(p: PlaceInfo): RegionLevel {
  if (p.level === 'province') return 'province';
  if (p.level === 'city') return 'city';
  if (p.level === 'district') return 'district';
  return 'other';
}

/** The region a section marker names; `label` is the marker's text, normalised for matching. */
function placeFromMarker(label: string): PlaceInfo | undefined {
  const t = label.trim().replace(/[：:\s]+$/, '');
  const p = lookupPlace(t);
  if (p) return p;
  const stripped = t.replace(/(特别行政区|自治区|省|市|地区)$/, '');
  return lookupPlace(stripped);
}

/**
 * The article's region sections, in order. `normalized` is normalizeForMatching(text) when the caller
 * has it (analyze): the markers' labels are read from it instead of being normalised one by one.
 */
export function findRegions(text: string, normalized?: string): Region[] {
  const found: { start: number; end: number; place: PlaceInfo }[] = [];
  // code units covered by accepted markers (markers are short), so the overlap test stays linear
  let covered: Uint8Array | undefined;
  for (const re of SECTION_PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      // (the label's text occurs at that offset, so its normalised copy is there in `normalized`)
      const label = normalized === undefined ? normalizeForMatching(m[1]) : normalized.substr(m.index + m[0].indexOf(m[1]), m[1].length);
      const place = placeFromMarker(label);
      if (!place) continue;
      const start = m.index + (m[0].length - m[0].trimStart().length);
      const end = m.index + m[0].length;
      if (start < end) {
        if (covered) {
          let hit = false;
          for (let k = start; k < end && !hit; k++) if (covered[k]) hit = true;
          if (hit) continue;
        }
      } else if (found.some((f) => f.start < end && start < f.end)) continue;
      found.push({ start, end, place });
      if (start < end) (covered ??= new Uint8Array(text.length)).fill(1, start, end);
    }
  }
  found.sort((a, b) => a.start - b.start);
  const regions: Region[] = [];
  const used = new Map<string, number>();
  for (let i = 0; i < found.length; i++) {
    const f = found[i];
    const k = (used.get(f.place.name) ?? 0) + 1;
    used.set(f.place.name, k);
    regions.push({
      id: k === 1 ? `region:${f.place.name}` : `region:${f.place.name}#${k}`,
      name: f.place.name,
      level: regionLevel(f.place),
      parent: f.place.parents[0],
      headingStart: f.start,
      headingEnd: f.end,
      start: f.start,
      end: i + 1 < found.length ? found[i + 1].start : text.length,
      entityIds: [],
    });
  }
  return regions;
}
