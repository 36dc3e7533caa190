// Generates syntaxes/news-lens.injection.tmLanguage.json (regexes assembled from readable parts).
//   node syntaxes/generate-injection-grammar.mjs syntaxes/news-lens.injection.tmLanguage.json
import * as fs from 'node:fs';
const D = '[0-9０-９]';
const CN = '[〇零一二两三四五六七八九十]';
const DAYPART = '(?:凌晨|清晨|早上|早晨|上午|中午|午间|下午|傍晚|晚上|晚间|夜间|当晚|深夜)';
const TIME = `(?:${D}{1,2}(?:[时点](?:${D}{1,2}分|半|许)?|[:：]${D}{2}))`;
const DAY = `(?:${D}{1,2}|${CN}{1,3})[日号]`;
const MONTH = `(?:${D}{1,2}|${CN}{1,3})月`;
const YEAR = `(?:${D}{4}|${CN}{4})年`;
const RANGE = `(?:(?:至|到|—|－|-|~|～)(?:${MONTH})?${DAY})`;
const date = [
  // 1998年１月５日, 2月18日上午, 2月18日至20日, 2023年2月, 2月20日下午3时30分
  `(?<![0-9０-９])(?:${YEAR})?${MONTH}(?:${DAY}${RANGE}?)?(?:${DAYPART}?${TIME}|${DAYPART})?`,
  // 2023年 (a year on its own)
  `(?<![0-9０-９])${D}{4}年(?!${D})(?:初|底|末|上半年|下半年|前后)?`,
  // 上午10时, 下午3点半, 10时30分, 14:30
  `${DAYPART}${TIME}`,
  `(?<![0-9０-９])${D}{1,2}[时点]${D}{1,2}分`,
  `(?<![0-9０-９:])${D}{1,2}:${D}{2}(?::${D}{2})?(?![0-9])`,
].join('|');
const UNIT =
  '(?:%|％|‰|倍|亿元|万元|千元|元|美元|欧元|港元|人民币|亿|万|千|百|吨|千克|公斤|克|公里|千米|米|平方米|平方公里|亩|公顷|个|家|名|位|人|次|项|条|座|所|辆|台|件|份|场|届|批|户|天|周|年|岁|小时|分钟|秒|强|GWh|MW|GW|kWh|km|kg)';
const quantity = `(?<![0-9０-９.．A-Za-z_])${D}+(?:[,，]${D}{3})*(?:[.．]${D}+)?(?:[万亿]|万亿)?(?:余|多)?${UNIT}`;
const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'News Lens (injection)',
  scopeName: 'text.news-lens.injection',
  comment:
    'Marks what is safe to recognise with a regex, instantly, before the language server answers: dates and times, section lead lines (**北京：**, 【北京】), attribution lines (来源：/编辑：/记者：) and numbers with units. Not inside code, links or raw HTML.',
  // Inside paragraphs and headings only (not at Markdown's block level, where a match at column 0
  // would pre-empt the paragraph rule and lose the rest of the line's bold/links), never in code,
  // link targets or raw HTML. Plain text has no structure: everywhere.
  injectionSelector: [
    'L:meta.paragraph.markdown -markup.inline.raw -markup.fenced_code -markup.raw -markup.underline.link -string.other.link -meta.embedded -comment',
    'L:markup.heading.markdown -markup.inline.raw -markup.underline.link',
    'L:text.plain',
  ].join(', '),
  patterns: [{ include: '#section-lead' }, { include: '#attribution' }, { include: '#date' }, { include: '#quantity' }],
  repository: {
    'section-lead': {
      patterns: [
        {
          comment: '**北京：** or __北京：__ on a line of its own',
          match: '^[ \\t]{0,3}(\\*\\*|__)[ \\t]*([^*_：:\\n]{1,16}?)[ \\t]*([：:])[ \\t]*(\\1)[ \\t]*$',
          name: 'markup.heading.section.news-lens',
          captures: {
            1: { name: 'punctuation.definition.bold.news-lens' },
            2: { name: 'entity.name.section.news-lens' },
            3: { name: 'punctuation.separator.section.news-lens' },
            4: { name: 'punctuation.definition.bold.news-lens' },
          },
        },
        {
          comment: '【北京】 at the start of a line, optionally bold',
          match: '^[ \\t]{0,3}(?:\\*\\*)?(【)([^】\\n]{1,20})(】)(?:\\*\\*)?',
          name: 'markup.heading.section.news-lens',
          captures: {
            1: { name: 'punctuation.definition.section.begin.news-lens' },
            2: { name: 'entity.name.section.news-lens' },
            3: { name: 'punctuation.definition.section.end.news-lens' },
          },
        },
        {
          comment: '北京： alone on a line',
          match: '^[ \\t]{0,3}(\\p{Han}{2,8})([：:])[ \\t]*$',
          name: 'markup.heading.section.news-lens',
          captures: {
            1: { name: 'entity.name.section.news-lens' },
            2: { name: 'punctuation.separator.section.news-lens' },
          },
        },
      ],
    },
    attribution: {
      comment: '来源：广州日报 / 编辑：常萌 / 记者：… / （记者 张三）',
      patterns: [
        {
          match:
            '^[ \\t]{0,3}(?:\\*\\*)?(来源|稿源|编辑|责任编辑|责编|记者|本报记者|通讯员|作者|校对|审核|审校|摄影|图片|监制|出品)(?:\\*\\*)?[ \\t]*([：:|｜])(?:\\*\\*)?[ \\t]*(.*?)[ \\t]*$',
          name: 'meta.attribution.news-lens',
          captures: {
            1: { name: 'keyword.other.attribution.news-lens' },
            2: { name: 'punctuation.separator.key-value.news-lens' },
            3: { name: 'string.unquoted.attribution.news-lens' },
          },
        },
      ],
    },
    date: { match: date, name: 'constant.numeric.date.news-lens' },
    quantity: { match: quantity, name: 'constant.numeric.quantity.news-lens' },
  },
};
fs.writeFileSync(process.argv[2], JSON.stringify(grammar, null, 2) + '\n');
