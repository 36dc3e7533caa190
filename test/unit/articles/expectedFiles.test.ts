/**
 * Every expected reading of the real-article evaluation set has the shape `npm run eval:articles`
 * relies on (test/data/articles/README.md): required fields and types, every employer and every
 * company an official met listed, every name present in its article. Held-out files are checked
 * too: this reads them, it never runs the analyzer on them.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { articlesOf, articleSetDir, validateExpected, type ArticleFile } from '../../../scripts/articleSet';

const files: ArticleFile[] = [...articlesOf('dev'), ...articlesOf('heldout')];

describe('real-article set: expected files', function () {
  it('the set has dev and held-out articles', function () {
    assert.ok(files.some((f) => f.origin === 'set' && f.split === 'dev'), 'no dev article in test/data/articles/dev');
    assert.ok(files.some((f) => f.split === 'heldout'), 'no held-out article in test/data/articles/heldout');
  });

  it('every article of the set has its expected file, and every expected file its article', function () {
    for (const split of ['dev', 'heldout']) {
      const dir = path.join(articleSetDir, split);
      const names = fs.readdirSync(dir);
      for (const n of names.filter((x) => x.endsWith('.md'))) assert.ok(names.includes(n.replace(/\.md$/, '.expected.json')), `${split}/${n} has no expected file`);
      for (const n of names.filter((x) => x.endsWith('.expected.json'))) assert.ok(names.includes(n.replace(/\.expected\.json$/, '.md')), `${split}/${n} has no article`);
    }
  });

  it('every article of the set has a row in SOURCES.md', function () {
    const sources = fs.readFileSync(path.join(articleSetDir, 'SOURCES.md'), 'utf8');
    for (const f of files.filter((x) => x.origin === 'set')) assert.ok(sources.includes(`| ${f.slug} |`), `${f.slug} is not in SOURCES.md`);
  });

  for (const f of files) {
    it(`${f.split}/${f.slug} is well-formed${f.origin === 'set' ? '' : ` (${f.origin}: core fields only)`}`, function () {
      const text = fs.readFileSync(f.mdPath, 'utf8');
      const raw = JSON.parse(fs.readFileSync(f.expectedPath, 'utf8')) as unknown;
      const problems = validateExpected(raw, { strict: f.origin === 'set', text, mdName: path.basename(f.mdPath) });
      assert.deepEqual(problems, [], `${path.basename(f.expectedPath)}:\n  ${problems.join('\n  ')}`);
    });
  }

  describe('the check itself', function () {
    const text = '县委书记张三会见甲公司董事长李四。';
    const good = {
      article: 'x.md', about: 'a test', category: 'county', script: 'simplified', home_region: null,
      regions_in_order: [],
      officials: [{ name: '张三', region: '惠民县', title_in_text: '县委书记', title_full: '惠民县委书记', section: null }],
      business_people: [{ name: '李四', company: '甲公司', title_in_text: '董事长', section: null, region: null }],
      other_people: [], companies: [{ name: '甲公司', aliases: [], sections: [], region: null }],
      company_officials_met: { 甲公司: ['张三'] }, government_bodies: [], organizations: [], media: [],
    };
    const problems = (patch: object, strict = true) => validateExpected({ ...good, ...patch }, { strict, text, mdName: 'x.md' });

    it('accepts a well-formed reading', function () {
      assert.deepEqual(problems({}), []);
    });
    it('finds missing fields, wrong types and unknown values', function () {
      assert.match(problems({ category: 'regional' })[0], /category/);
      assert.match(problems({ officials: [{ name: '张三', region: '惠民县', title_in_text: 3, title_full: '', section: null }] })[0], /title_in_text/);
      assert.match(problems({ officials: [{ name: '张三', region: '惠民县', title_in_text: '县委书记', title_full: '惠民县委书记' }] })[0], /section: missing/);
      assert.deepEqual(problems({ officials: [{ name: '张三', region: '惠民县', title_in_text: '县委书记', title_full: '惠民县委书记' }] }, false), []);
      assert.match(problems({ regions_in_order: 'none' })[0], /regions_in_order/);
      assert.match(problems({ companies: [{ name: '甲公司', aliases: [], sections: ['北京'], region: null }] })[0], /not one of regions_in_order/);
    });
    it('finds an employer or a met company that is not listed', function () {
      assert.match(problems({ companies: [] }).join('\n'), /employer "甲公司" is not listed/);
      assert.match(problems({ company_officials_met: { 甲公司: ['王五'] } }).join('\n'), /"王五" is not listed under officials/);
    });
    it('finds a name that does not occur in the article', function () {
      assert.match(problems({ other_people: [{ name: '赵六', role: null }] }).join('\n'), /"赵六" does not occur/);
      assert.match(problems({ media: [{ name: '甲日报', aliases: [] }] }).join('\n'), /"甲日报" does not occur/);
    });
  });
});
