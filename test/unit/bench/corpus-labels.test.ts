import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { labelFileName, readCorpus, readLabels } from '../../../bench/repos/labels';

const ROOT = resolve(__dirname, '..', '..', '..', '..');

describe('bench:repos corpus and labels', () => {
  const corpus = readCorpus(ROOT);

  it('has at least 8 repositories, TypeScript and Python, tuning and held-out, each pinned to a full commit', () => {
    assert.ok(corpus.length >= 8, `${corpus.length} repositories`);
    assert.ok(corpus.some((r) => r.language === 'typescript') && corpus.some((r) => r.language === 'python'));
    assert.ok(corpus.filter((r) => r.role === 'tuning').length >= 3 && corpus.filter((r) => r.role === 'held-out').length >= 5);
    for (const r of corpus) assert.match(r.commit, /^[0-9a-f]{40}$/, r.repo);
    assert.equal(new Set(corpus.map((r) => r.repo)).size, corpus.length, 'no repository twice');
  });

  it('every label file belongs to a corpus repository and passes the label checks (repo, commit, one object per file, models given)', () => {
    const files = readdirSync(join(ROOT, 'bench', 'repos', 'labels')).filter((f) => f.endsWith('.json'));
    for (const file of files) assert.ok(corpus.some((r) => labelFileName(r.repo) === file), `${file} is not in corpus.json`);
    for (const entry of corpus) {
      const labels = readLabels(ROOT, entry); // throws with the problems listed
      assert.ok(labels.length > 0, `${entry.repo} has no labels`);
      for (const f of labels) assert.ok(f.score.length > 0, `${entry.repo} ${f.path}: nothing scored`);
    }
  });
});
