/**
 * Cards over LSP: knowledge-base facts with source and as-of date, command links, hover settings,
 * and the newsLens/entityInfo request the links use.
 */
import * as assert from 'node:assert/strict';
import { DidChangeConfigurationNotification, HoverRequest, type Hover, type MarkupContent } from 'vscode-languageserver/node';
import { ASHARE_AS_OF, FOREIGN_AS_OF } from '../../src/core/knowledge';
import { EntityInfoRequestMethod, type EntityInfoResult } from '../../src/protocol';
import { fixture, positionOf, startServer, textOfRange, type TestServer } from './lspClient';

const URI = 'file:///cards/leaders-visit-firms.md';
const text = fixture('leaders-visit-firms.md');

function value(h: Hover | null): string {
  assert.ok(h, 'expected a hover');
  return (h.contents as MarkupContent).value;
}

/** [label](command:id?args) links in a card, with their decoded arguments. */
function links(v: string): { label: string; command: string; args: unknown[] }[] {
  const out: { label: string; command: string; args: unknown[] }[] = [];
  for (const m of v.matchAll(/\[([^\]]+)\]\(command:([\w.]+)\?([^) ]*)/g)) out.push({ label: m[1], command: m[2], args: JSON.parse(decodeURIComponent(m[3])) });
  return out;
}

describe('Cards: knowledge base and command links (LSP)', function () {
  this.timeout(60_000);
  let s: TestServer;
  const hover = async (needle: string, nth = 0) => s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: positionOf(text, needle, nth, 1) });

  before(async function () {
    this.timeout(120_000);
    s = await startServer();
    s.open(URI, text);
    await s.analysed(URI, 1, 60_000);
  });
  after(async () => s?.stop());

  it('宁德时代: A-share facts (code, exchange, province, industry), marked as knowledge base with source and as-of date', async () => {
    const v = value(await hover('宁德时代'));
    assert.match(v, /300750\.SZ/);
    assert.match(v, /深交所/);
    assert.match(v, /福建/);
    assert.match(v, /电气设备/);
    assert.match(v, /📚 \*\*Knowledge base\*\* — not from the article/);
    assert.ok(v.includes(`as of ${ASHARE_AS_OF}`), v);
    assert.match(v, /Source: A\\-share listings/);
    // the KB section comes after a rule, below the article's facts
    assert.ok(v.indexOf('---') < v.indexOf('📚'), v);
  });

  it('西门子（中国）有限公司 matches 西门子 by legal-name prefix: Siemens, Germany', async () => {
    const v = value(await hover('西门子（中国）有限公司'));
    assert.match(v, /Siemens/);
    assert.match(v, /德国/);
    assert.ok(v.includes(`as of ${FOREIGN_AS_OF}`), v);
  });

  for (const [needle, en] of [['雀巢', 'Nestlé'], ['卡特彼勒', 'Caterpillar'], ['松下电器', 'Panasonic'], ['沙特国家石油公司', 'Saudi Aramco'], ['宝马', 'BMW']] as const) {
    it(`${needle} → ${en}`, async () => {
      const h = await hover(needle);
      assert.match(value(h), new RegExp(en));
    });
  }

  it('an official card has no bundled facts about the person, and has the command links', async () => {
    const h = await hover('尹力');
    const v = value(h);
    assert.equal(textOfRange(text, h!.range!), '尹力');
    assert.doesNotMatch(v, /📚/);
    const ls = links(v);
    assert.deepEqual(ls.map((l) => l.command), ['newsLens.showMentions', 'newsLens.findAllMentions', 'newsLens.revealInRegions', 'newsLens.copyCard']);
    for (const l of ls) assert.deepEqual(l.args, [{ uri: URI, entityId: (ls[0].args[0] as { entityId: string }).entityId }]);
    assert.match((ls[0].args[0] as { entityId: string }).entityId, /尹力/);
    // compact: the mentions' sentences are not in the hover, only the first one
    assert.ok((v.match(/^> /gm) ?? []).length <= 1, v);
  });

  it('newsLens/entityInfo lists every mention with its sentence, and the card as plain text', async () => {
    const h = await hover('尹力');
    const ref = links(value(h))[0].args[0] as { uri: string; entityId: string };
    const info = await s.conn.sendRequest<EntityInfoResult | null>(EntityInfoRequestMethod, ref);
    assert.ok(info);
    assert.equal(info.name, '尹力');
    const count = text.split('尹力').length - 1;
    assert.equal(info.mentions.length, count);
    for (const m of info.mentions) {
      assert.equal(textOfRange(text, m.range), '尹力');
      assert.ok(m.sentence.includes('尹力'), m.sentence);
    }
    assert.match(info.cardText, /北京市委书记/);
    assert.doesNotMatch(info.cardText, /\*\*|command:|\\/);
    const bad = await s.conn.sendRequest(EntityInfoRequestMethod, { uri: URI, entityId: 'nope' });
    assert.equal(bad, null);
  });

  it('settings: showPinyin and showCommandLinks off, hover.enabled off', async () => {
    await s.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { newsLens: { hover: { showPinyin: false, showCommandLinks: false } } } });
    await new Promise((r) => setTimeout(r, 300));
    let v = value(await hover('尹力'));
    assert.doesNotMatch(v, /Yǐn/);
    assert.doesNotMatch(v, /command:/);
    await s.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { newsLens: { hover: { enabled: false } } } });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await hover('尹力'), null);
    await s.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { newsLens: {} } });
    await new Promise((r) => setTimeout(r, 300));
    v = value(await hover('尹力'));
    assert.match(v, /Yǐn Lì/);
    assert.match(v, /command:newsLens\.showMentions/);
  });

  it('English on the cards in an English UI (setting newsLens.hover.english auto): titles by rule, names, bodies, companies', async () => {
    let v = value(await hover('尹力'));
    assert.match(v, /\*\*EN\*\* Yin Li · Secretary of the CPC Beijing Municipal Committee/);
    v = value(await hover('殷勇'));
    assert.match(v, /Deputy Secretary of the CPC Beijing Municipal Committee; Mayor of Beijing/);
    v = value(await hover('宁德时代'));
    assert.match(v, /\*\*EN\*\* CATL/);
    v = value(await hover('北京商务中心区管委会'));
    assert.match(v, /Administrative Committee of the Beijing Central Business District/);
    v = value(await hover('工人体育场'));
    assert.match(v, /no English rendering/);
    await s.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { newsLens: { hover: { english: 'never' } } } });
    await new Promise((r) => setTimeout(r, 300));
    assert.doesNotMatch(value(await hover('尹力')), /\*\*EN\*\*/);
    await s.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { newsLens: {} } });
    await new Promise((r) => setTimeout(r, 300));
  });

  it('a Chinese UI: no English unless asked for (english: always)', async () => {
    const zh = await startServer({}, 'zh-cn');
    try {
      zh.open(URI, text);
      await zh.analysed(URI, 1, 60_000);
      const at = { textDocument: { uri: URI }, position: positionOf(text, '尹力', 0, 1) };
      let v = value(await zh.conn.sendRequest(HoverRequest.type, at));
      assert.doesNotMatch(v, /\*\*EN\*\*/);
      assert.match(v, /官员/, 'the card is in Chinese');
      await zh.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { newsLens: { hover: { english: 'always' } } } });
      await new Promise((r) => setTimeout(r, 300));
      v = value(await zh.conn.sendRequest(HoverRequest.type, at));
      assert.match(v, /\*\*EN\*\* Yin Li · Secretary of the CPC Beijing Municipal Committee/);
    } finally {
      await zh.stop();
    }
  });
});
