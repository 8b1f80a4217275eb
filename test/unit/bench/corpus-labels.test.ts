import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readFirstSight } from '../../../bench/repos/first-sight';
import { labelFileName, readCorpus, readLabels } from '../../../bench/repos/labels';

const ROOT = resolve(__dirname, '..', '..', '..', '..');

describe('bench:repos corpus and labels', () => {
  const corpus = readCorpus(ROOT);

  it('has at least 8 repositories, TypeScript and Python, tuning and held-out, each pinned to a full commit', () => {
    assert.ok(corpus.length >= 8, `${corpus.length} repositories`);
    assert.ok(corpus.some((r) => r.language === 'typescript') && corpus.some((r) => r.language === 'python'));
    assert.ok(corpus.filter((r) => r.role === 'tuning').length >= 3 && corpus.filter((r) => r.role === 'held-out').length >= 3);
    assert.ok(corpus.some((r) => r.role === 'held-out' && r.language === 'typescript') && corpus.some((r) => r.role === 'held-out' && r.language === 'python'), 'held-out in both languages');
    for (const r of corpus) assert.match(r.commit, /^[0-9a-f]{40}$/, r.repo);
    assert.equal(new Set(corpus.map((r) => r.repo)).size, corpus.length, 'no repository twice');
  });

  it('a first-sight entry was recorded under the role the corpus says the repository had then (firstSightRole, else role)', () => {
    const roles = ['tuning', 'held-out'];
    for (const r of corpus) if (r.firstSightRole !== undefined) assert.ok(roles.includes(r.firstSightRole) && r.firstSightRole !== r.role, `${r.repo}: firstSightRole ${r.firstSightRole} says nothing the role does not`);
    for (const entry of readFirstSight(ROOT)) {
      const r = corpus.find((c) => c.repo === entry.repo && c.commit === entry.commit);
      if (r) assert.equal(entry.role, r.firstSightRole ?? r.role, `${entry.repo}: first sight recorded as ${entry.role}`);
    }
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
