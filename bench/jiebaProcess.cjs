// The peer for `news-lens tag` as a whole process (bench/bench.ts): a Node process that loads
// @node-rs/jieba with its dictionary, reads lines from stdin and writes one JSON line of
// [word, tag] pairs per input line, as news-lens tag writes one JSON line of entities per line.
const { Jieba } = require('@node-rs/jieba');
const { dict } = require('@node-rs/jieba/dict');
const jieba = Jieba.withDict(dict);
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => {
  const out = [];
  for (const line of Buffer.concat(chunks).toString('utf8').split('\n')) out.push(JSON.stringify(jieba.tag(line)));
  process.stdout.write(out.join('\n') + '\n');
});
