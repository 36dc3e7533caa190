import * as fs from 'node:fs';
import { sharedPath } from './sharedData';

/**
 * A long article of real news sentences (CLUENER train.json) under region lead lines (**北京：**),
 * about `bytes` of UTF-8: what a one-megabyte article looks like to the server. Deterministic.
 * Used by bench/editorLatency.ts and the protocol tier's stress tests.
 */
export function bigArticle(bytes: number): string {
  const sentences = fs
    .readFileSync(sharedPath('data', 'cluener2020', 'train.json'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);
  const regions = ['北京', '上海', '广东', '重庆', '浙江', '湖北', '四川', '江苏'];
  const fixture = fs.readFileSync(sharedPath('fixtures', 'articles', 'leaders-visit-firms.md'), 'utf8');
  const parts: string[] = ['# 各地新闻汇编\n\n', fixture, '\n'];
  let size = Buffer.byteLength(parts.join(''));
  for (let i = 0, r = 0; size < bytes; i++) {
    let p = '';
    if (i % 12 === 0) p += `\n**${regions[r++ % regions.length]}：**`;
    p += sentences[i % sentences.length] + (i % 3 === 2 ? '\n\n' : '');
    parts.push(p);
    size += Buffer.byteLength(p);
  }
  return parts.join('');
}
