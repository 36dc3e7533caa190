/**
 * One writer of the corrections file, as a separate process: adds `count` corrections named
 * `<prefix>0`, `<prefix>1`, … with the extension's own code path (addCorrection under
 * updateFile's lock and atomic rename). Used by the concurrent-writers tests and `npm run fuzz`.
 *   node -r tsx/cjs test/fuzz/correctionsWriter.ts FILE PREFIX COUNT
 */
import { updateFile } from '../../src/client/corrections/fileUpdate';
import { addCorrection } from '../../src/protocol/corrections/edit';

async function main(): Promise<void> {
  const [file, prefix, count] = process.argv.slice(2);
  for (let i = 0; i < Number(count); i++) {
    await updateFile(file, (before) => {
      const r = addCorrection(before ?? '', { text: `${prefix}${i}`, type: i % 2 ? 'company' : 'none' });
      if (r.status === 'edited') return r.newText;
      if (r.status === 'unchanged') return undefined;
      throw new Error(`${prefix}${i}: ${r.status} in\n${before}`);
    });
  }
}

main().catch((e) => {
  console.error(String((e as Error)?.stack ?? e));
  process.exit(1);
});
