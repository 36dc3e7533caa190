import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AnalysisWorkerPool, CancelledError } from '../../../src/server/analysisWorker';
import { analyze } from '../../../src/core/index';

/**
 * The server's analysis worker (the built server bundle started as a worker thread): a superseded
 * job is stopped through the shared flag, and the same worker, model loaded, takes the next job.
 */
describe('server: analysis worker pool', function () {
  this.timeout(120000);
  const root = path.resolve(__dirname, '../../..');
  const script = path.join(root, 'dist/server/server.js');
  before(() => {
    if (!fs.existsSync(script)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'ignore' });
  });
  const seed = fs.readFileSync(path.join(root, 'samples/leaders-visit-firms.md'), 'utf8');
  // a long article: many paragraphs, long enough to be analysed while the next job arrives
  const long = Array.from({ length: 120 }, (_, i) => `${i}、` + seed).join('\n');

  it('a running job that is superseded is stopped, and the same worker answers the next job as analyze() does', async () => {
    const logs: string[] = [];
    const pool = new AnalysisWorkerPool(script, (m) => logs.push(m));
    try {
      // the worker starts and loads the model on a first job
      assert.equal((await pool.submit('北京市委书记尹力来到朝阳区调研。').promise).entities.length > 0, true);
      const worker = (pool as unknown as { worker: { threadId: number } }).worker;
      const big = pool.submit(long);
      await new Promise((r) => setTimeout(r, 30));
      big.cancel();
      await assert.rejects(big.promise, (e) => e instanceof CancelledError);
      const next = await pool.submit(seed).promise;
      assert.deepEqual(JSON.parse(JSON.stringify(next)), JSON.parse(JSON.stringify(analyze(seed))));
      assert.equal((pool as unknown as { worker: { threadId: number } }).worker, worker, 'the same worker thread');
      assert.deepEqual(logs, []);
    } finally {
      pool.dispose();
    }
  });

  it('analyze() stops between its steps when shouldStop says so, with a warning', () => {
    let asked = 0;
    const a = analyze(seed, { shouldStop: () => ++asked > 1 });
    assert.ok(a.warnings.includes('analysis cancelled'), a.warnings.join('; '));
    assert.ok(asked >= 2);
    assert.deepEqual(analyze(seed, { shouldStop: () => false }), analyze(seed));
  });
});
