/**
 * Corrections in a real VS Code: the "not an entity" code action writes .vscode/news-lens.json in
 * the test workspace and the entity disappears from the analysis; code actions merge into an open,
 * unsaved editor of that file; a malformed file gets a diagnostic and nothing in it is lost. Every
 * test removes what it wrote; the fixture article is never modified.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, correctionsFileSandbox, eventually, fixtureUri, hoverText, positionOf, preview, sleep, uriExists } from './helpers';

const READY_MS = Number(process.env.NEWS_LENS_READY_TIMEOUT_MS ?? 90_000);

describe('Corrections (.vscode/news-lens.json)', function () {
  let doc: vscode.TextDocument;
  let onDisk: string;
  const corrections = correctionsFileSandbox();
  const { read, cleanUp } = corrections;
  const card = async (needle: string) => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, needle)));
  const isEntity = (needle: string) => async () => (await card(needle)).includes(`**${needle}**`);

  before(async function () {
    await corrections.setUp();
    doc = await vscode.workspace.openTextDocument(fixtureUri());
    onDisk = doc.getText();
    await vscode.window.showTextDocument(doc, { preview: false });
    await activateExtension();
    await eventually('雀巢 recognised', isEntity('雀巢'), (v) => v === true, READY_MS);
  });

  afterEach(async function () {
    await cleanUp();
    await vscode.window.showTextDocument(doc, { preview: false });
  });

  after(async function () {
    await corrections.tearDown();
    assert.equal(doc.getText(), onDisk, 'the fixture article changed');
    assert.equal(doc.isDirty, false, 'the fixture article was modified');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('"not an entity" writes .vscode/news-lens.json and 雀巢 disappears from the analysis', async function () {
    const pos = positionOf(doc, '雀巢');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(pos, pos));
    const none = actions?.find((a) => a.title.includes('“雀巢”') && a.title.includes('not an entity'));
    assert.ok(none?.command, `no "not an entity" action among ${preview(actions?.map((a) => a.title))}`);
    assert.ok(actions!.some((a) => a.title.includes('another name for')), 'the alias action is offered too');
    const result = await vscode.commands.executeCommand(none.command.command, ...(none.command.arguments ?? []));
    assert.equal(result, 'written');
    assert.ok(await uriExists(corrections.file), 'the corrections file was not written');
    const json = await read();
    assert.match(json, /"text": "雀巢"/);
    assert.match(json, /"type": "none"/);
    await eventually('雀巢 to disappear', isEntity('雀巢'), (v) => v === false);
    // the highlighting follows
    const api = (await activateExtension()) as { getEntityRanges(u: vscode.Uri): Promise<{ ranges: vscode.Range[] }[]> };
    const groups = await api.getEntityRanges(doc.uri);
    assert.ok(!groups.some((g) => g.ranges.some((r) => doc.getText(r) === '雀巢')), '雀巢 is still painted');
    assert.equal(doc.getText(), onDisk);
  });

  it('deleting the file brings the entity back', async function () {
    await vscode.workspace.fs.createDirectory(corrections.dir);
    await vscode.workspace.fs.writeFile(corrections.file, new TextEncoder().encode('{ "corrections": [ { "text": "卡特彼勒", "type": "none" } ] }'));
    await eventually('卡特彼勒 to disappear', isEntity('卡特彼勒'), (v) => v === false);
    await vscode.workspace.fs.delete(corrections.file);
    await eventually('卡特彼勒 back', isEntity('卡特彼勒'), (v) => v === true);
  });

  it('an open, unsaved editor of the file: unsaved edits apply at once, and code actions merge into them', async function () {
    await vscode.workspace.fs.createDirectory(corrections.dir);
    await vscode.workspace.fs.writeFile(corrections.file, new TextEncoder().encode('{\n  // hand-written\n  "corrections": [\n  ]\n}\n'));
    const jdoc = await vscode.workspace.openTextDocument(corrections.file);
    const jed = await vscode.window.showTextDocument(jdoc, { preview: false, viewColumn: vscode.ViewColumn.Beside });
    const at = jdoc.positionAt(jdoc.getText().indexOf('  ]'));
    assert.ok(await jed.edit((b) => b.insert(at, '    { "text": "宝马", "type": "none" }\n')));
    assert.ok(jdoc.isDirty);
    await eventually('宝马 to disappear (unsaved edit)', isEntity('宝马'), (v) => v === false);
    const diskBefore = await read();
    const pos = positionOf(doc, '松下电器');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(pos, pos));
    const none = actions?.find((a) => a.title.includes('“松下电器”') && a.title.includes('not an entity'));
    assert.ok(none?.command);
    assert.equal(await vscode.commands.executeCommand(none.command.command, ...(none.command.arguments ?? [])), 'written');
    const text = jdoc.getText();
    assert.match(text, /\/\/ hand-written/);
    assert.match(text, /"宝马"/);
    assert.match(text, /"松下电器"/);
    assert.ok(jdoc.isDirty, 'the user\'s unsaved editor stays unsaved');
    const saved = await read();
    assert.doesNotMatch(saved, /宝马/, `nothing was saved behind the user's back; on disk: ${JSON.stringify(saved)}; before the code action: ${JSON.stringify(diskBefore)}; autoSave=${vscode.workspace.getConfiguration('files').get('autoSave')}`);
    await eventually('松下电器 to disappear', isEntity('松下电器'), (v) => v === false);
  });

  it('a file with a UTF-8 BOM keeps it, and its comments, when a code action writes to it (issue 13)', async function () {
    const mine = '{\n  "corrections": [\n    { "text": "宝马", "type": "none" } // mine\n  ]\n}\n';
    await vscode.workspace.fs.createDirectory(corrections.dir);
    await vscode.workspace.fs.writeFile(corrections.file, new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(mine)]));
    await eventually('宝马 to disappear', isEntity('宝马'), (v) => v === false);
    const pos = positionOf(doc, '雀巢');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(pos, pos));
    const none = actions?.find((a) => a.title.includes('“雀巢”') && a.title.includes('not an entity'));
    assert.ok(none?.command, preview(actions?.map((a) => a.title)));
    assert.equal(await vscode.commands.executeCommand(none.command.command, ...(none.command.arguments ?? [])), 'written');
    const bytes = await vscode.workspace.fs.readFile(corrections.file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the BOM was dropped');
    const text = new TextDecoder().decode(bytes.subarray(3));
    assert.ok(text.includes('{ "text": "宝马", "type": "none" }, // mine\n'), text);
    assert.match(text, /"text": "雀巢", "type": "none"/);
    await eventually('雀巢 to disappear', isEntity('雀巢'), (v) => v === false);
  });

  it('a malformed file: a diagnostic on the offending line; valid entries work; nothing is lost', async function () {
    const text = [
      '{',
      '  // keep me',
      '  "corrections": [',
      '    { "text": "雀巢", "type": "none" },',
      '    { "text": "宝马" "type": "none" }', // line 4: missing comma
      '  ]',
      '}',
      '',
    ].join('\n');
    await vscode.workspace.fs.createDirectory(corrections.dir);
    await vscode.workspace.fs.writeFile(corrections.file, new TextEncoder().encode(text));
    const diags = await eventually(
      'a News Lens diagnostic on the corrections file',
      () => vscode.languages.getDiagnostics(corrections.file).filter((d) => d.source === 'News Lens'),
      (ds) => ds.length > 0 || `diagnostics: ${preview(vscode.languages.getDiagnostics(corrections.file))}`,
    );
    const err = diags.find((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.ok(err, preview(diags));
    assert.equal(err.range.start.line, 4, preview(diags));
    await eventually('雀巢 to disappear (valid entry)', isEntity('雀巢'), (v) => v === false);
    // a code action must not rewrite a broken file
    const pos = positionOf(doc, '卡特彼勒');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(pos, pos));
    const none = actions?.find((a) => a.title.includes('not an entity'));
    assert.ok(none?.command);
    assert.equal(await vscode.commands.executeCommand(none.command.command, ...(none.command.arguments ?? [])), 'syntax-error');
    await sleep(300);
    assert.equal(await read(), text, 'the file changed');
    await vscode.commands.executeCommand('workbench.action.closeNotifications').then(undefined, () => undefined);
  });
});
