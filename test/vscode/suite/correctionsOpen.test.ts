/**
 * `newsLens.corrections.open` and the JSON schema of .vscode/news-lens.json in a real VS Code: the
 * command creates the file from a commented template when it is missing and never rewrites an
 * existing one; VS Code's own JSON language service validates the file against our `jsonValidation`
 * schema. Every test removes what it wrote in test/vscode/workspace.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, correctionsFileSandbox, eventually, fixtureUri, preview } from './helpers';

const READY_MS = Number(process.env.NEWS_LENS_READY_TIMEOUT_MS ?? 90_000);

describe('Corrections file: open command and schema', function () {
  const corrections = correctionsFileSandbox();
  const { read, cleanUp } = corrections;
  const write = async (text: string) => {
    await vscode.workspace.fs.createDirectory(corrections.dir);
    await vscode.workspace.fs.writeFile(corrections.file, new TextEncoder().encode(text));
  };

  before(async function () {
    await corrections.setUp();
    await activateExtension();
    const doc = await vscode.workspace.openTextDocument(fixtureUri());
    await vscode.window.showTextDocument(doc, { preview: false });
  });

  afterEach(async () => cleanUp());

  after(async function () {
    await corrections.tearDown();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('newsLens.corrections.open creates the file from a commented template and opens it', async function () {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('newsLens.corrections.open', fixtureUri());
    assert.equal(editor?.document.uri.toString(), corrections.file.toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), corrections.file.toString(), 'the file is the active editor');
    const text = await read();
    assert.equal(editor.document.getText(), text);
    assert.match(text, /^\/\/ News Lens corrections/);
    assert.match(text, /"corrections": \[\]/);
    assert.match(text, /\/\/ +\{ "text": "雀巢", "type": "none" \}/, 'commented examples');
    assert.equal(editor.document.isDirty, false);
    // the cursor waits inside the corrections list
    const at = editor.document.offsetAt(editor.selection.active);
    assert.equal(text.slice(at - '"corrections": ['.length, at), '"corrections": [');
    // our server reads it without complaint
    assert.deepEqual(vscode.languages.getDiagnostics(corrections.file).filter((d) => d.source === 'News Lens'), []);
  });

  it('newsLens.corrections.open never rewrites an existing file', async function () {
    const mine = '{\n  // mine\n  "corrections": [ { "text": "宝马", "type": "none" } ]\n}\n';
    await write(mine);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('newsLens.corrections.open', fixtureUri());
    assert.equal(editor?.document.uri.toString(), corrections.file.toString());
    assert.equal(editor.document.getText(), mine);
    assert.equal(await read(), mine, 'the file on disk changed');
    // run again while it is open with unsaved edits: the editor is shown, nothing is written
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(1, 0), '  // unsaved\n')));
    const again = await vscode.commands.executeCommand<vscode.TextEditor>('newsLens.corrections.open', fixtureUri());
    assert.equal(again?.document, editor.document);
    assert.ok(again.document.isDirty);
    assert.match(again.document.getText(), /\/\/ unsaved/);
    assert.equal(await read(), mine, 'the file on disk changed');
  });

  it('VS Code’s JSON language service validates the file with our schema (jsonValidation)', async function () {
    const json = vscode.extensions.getExtension('vscode.json-language-features');
    const lines = ['{', '  "corrections": [', '    { "text": "雀巢", "type": "animal" }', '  ]', '}', ''];
    await write(lines.join('\n'));
    const doc = await vscode.workspace.openTextDocument(corrections.file);
    await vscode.window.showTextDocument(doc, { preview: false });
    const animal = new vscode.Range(2, lines[2].indexOf('"animal"'), 2, lines[2].indexOf('"animal"') + '"animal"'.length);
    const ours = await eventually(
      'News Lens’s own diagnostic on "animal"',
      () => vscode.languages.getDiagnostics(corrections.file).filter((d) => d.source === 'News Lens'),
      (ds) => ds.some((d) => d.range.intersection(animal)) || `diagnostics ${preview(vscode.languages.getDiagnostics(corrections.file))}`,
      READY_MS,
    );
    assert.match(ours[0].message, /"type" must be one of/);
    if (!json) {
      // Not expected in code-server (it ships vscode.json-language-features); say so instead of passing silently.
      console.log('[news-lens-suite] vscode.json-language-features is not installed: checked only News Lens’s own diagnostic');
      this.skip();
    }
    const schema = await eventually(
      'a JSON schema diagnostic on "animal"',
      () => vscode.languages.getDiagnostics(corrections.file).filter((d) => d.source !== 'News Lens' && d.range.intersection(animal)),
      (ds) => ds.length > 0 || `language ${doc.languageId}, json active ${json.isActive}; diagnostics ${preview(vscode.languages.getDiagnostics(corrections.file))}`,
      READY_MS,
    );
    assert.ok(json.isActive, 'the JSON language features are active');
    // "Value is not accepted. Valid values: "person", "company", …" (from the schema's enum)
    assert.match(schema[0].message, /person/, preview(schema));
    assert.equal(schema[0].severity, vscode.DiagnosticSeverity.Warning, preview(schema));
  });
});
