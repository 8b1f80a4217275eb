import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

interface ExportManifest {
  readonly repo: string;
  readonly commit: string;
  readonly written: number;
  readonly missing: readonly string[];
}
type ExportRepo = (repo: string, commit: string, gitDir: string, dest: string) => Promise<ExportManifest>;

const SCRIPT = resolve(__dirname, '..', '..', '..', '..', 'scripts', 'corpus', 'export.mjs');

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' }).trim();
}

describe('corpus export (scripts/corpus/export.mjs)', () => {
  let work: string;
  let exportRepo: ExportRepo;

  before(async () => {
    exportRepo = ((await import(SCRIPT)) as { exportRepo: ExportRepo }).exportRepo;
  });
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'tokenomics-export-'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('writes every blob of the pinned commit, skips a blob the mirror lacks and lists it, and never takes later commits', async () => {
    const repo = join(work, 'repo');
    mkdirSync(join(repo, 'src'), { recursive: true });
    git(work, 'init', '-q', repo);
    writeFileSync(join(repo, 'big.md'), 'large blob the mirror lost\n');
    writeFileSync(join(repo, 'src', 'agent.py'), 'print("hi")\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'one');
    const commit = git(repo, 'rev-parse', 'HEAD');
    writeFileSync(join(repo, 'later.py'), 'x = 1\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'two');
    // Loose objects: removing one file is what a mirror without its largest blob looks like.
    const lost = git(repo, 'rev-parse', `${commit}:big.md`);
    unlinkSync(join(repo, '.git', 'objects', lost.slice(0, 2), lost.slice(2)));

    const dest = join(work, 'out', 'o+n');
    const manifest = await exportRepo('o/n', commit, join(repo, '.git'), dest);

    assert.equal(readFileSync(join(dest, 'src', 'agent.py'), 'utf8'), 'print("hi")\n');
    assert.ok(!existsSync(join(dest, 'big.md')), 'the lost blob is not written');
    assert.ok(!existsSync(join(dest, 'later.py')), 'files of later commits are not exported');
    assert.deepEqual([manifest.written, manifest.missing], [1, ['big.md']]);
    assert.equal((JSON.parse(readFileSync(`${dest}.export.json`, 'utf8')) as ExportManifest).commit, commit);
  });

  it('says which git directory is missing instead of exporting nothing silently', async () => {
    await assert.rejects(exportRepo('o/n', 'a'.repeat(40), join(work, 'nope'), join(work, 'out')), /no git directory for o\/n/);
  });
});
