/**
 * The model's cost scale (ModelHeader.costScale): its median rule-span cost over the probe that
 * src/core/model/combine.ts's COST_REFERENCE describes, divided by the reference median, so the
 * merge's thresholds mean the same with every model (see COST_REFERENCE).
 */
import type { Example } from './cluener';
import { recognizeRich } from '../src/core/recognize';
import { COST_REFERENCE } from '../src/core/model/combine';
import { RuntimeModel } from '../src/core/model/perceptron';
import type { ModelParts } from '../src/core/model/modelFile';

export function costScaleOf(parts: ModelParts, cluenerTrain: Example[]): number {
  const m = new RuntimeModel({ ...parts, header: { ...parts.header, costScale: 1 } });
  const costs: number[] = [];
  for (const e of cluenerTrain.slice(0, COST_REFERENCE.sentences)) {
    const rules = recognizeRich(e.text);
    m.predict(e.text);
    for (const r of rules) {
      if (r.type === 'date') continue;
      const c = m.spanCost(r.start, r.end, r.type, r.text);
      if (c !== undefined && c > 1) costs.push(c);
    }
  }
  if (!costs.length) return 1;
  costs.sort((a, b) => a - b);
  return Math.round((costs[costs.length >> 1] / COST_REFERENCE.median) * 1000) / 1000;
}
