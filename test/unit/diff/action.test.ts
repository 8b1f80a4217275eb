import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GITHUB_MARKER } from '../../../src/core/diff';
import { agentSource, commit, git, makeRepo } from './git-fixture';

const ROOT = join(__dirname, '..', '..', '..', '..');
const CLI = join(__dirname, '..', '..', '..', 'src', 'cli', 'main.js');

/** A `gh` that records each call's arguments (and the file a body=@FILE names) instead of calling GitHub. */
const STUB_GH = `#!/usr/bin/env bash
n=$(ls "$GH_LOG_DIR" | grep -c '\\.args$')
printf '%s\\n' "$@" > "$GH_LOG_DIR/call-$n.args"
for a in "$@"; do case "$a" in body=@*) cp "\${a#body=@}" "$GH_LOG_DIR/call-$n.body";; esac; done
if [ "$2" = "--paginate" ] && [ -n "\${STUB_EXISTING_ID:-}" ]; then echo "$STUB_EXISTING_ID"; fi
exit 0
`;

interface GhCall {
  readonly args: string[];
  readonly body?: string;
}

describe('action.yml script (offline, with a stub gh)', function () {
  this.timeout(60000);
  let repo = '';
  let work = '';
  before(() => {
    repo = makeRepo({ 'src/agent.ts': agentSource({ callModel: 'gpt-4o-mini', loopBound: 6 }) });
    // What actions/checkout with fetch-depth 0 gives: the base branch as a remote-tracking ref.
    git(repo, 'update-ref', 'refs/remotes/origin/main', git(repo, 'rev-parse', 'HEAD'));
    commit(repo, { 'src/agent.ts': agentSource({ callModel: 'gpt-4.1' }) });
  });
  after(() => rmSync(repo, { recursive: true, force: true }));
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'tokenomics-action-'));
    for (const d of ['bin', 'log']) mkdirSync(join(work, d));
    writeFileSync(join(work, 'bin', 'gh'), STUB_GH);
    chmodSync(join(work, 'bin', 'gh'), 0o755);
    writeFileSync(join(work, 'event.json'), JSON.stringify({ pull_request: { number: 7 } }));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  function runAction(env: Record<string, string>): { status: number | null; stdout: string; stderr: string; calls: GhCall[] } {
    const r = spawnSync('bash', [join(ROOT, 'action.sh')], {
      cwd: repo,
      encoding: 'utf8',
      env: {
        ...process.env,
        PATH: `${join(work, 'bin')}:${process.env.PATH}`,
        GH_LOG_DIR: join(work, 'log'),
        TOKENOMICS: `${process.execPath} ${CLI}`,
        GITHUB_BASE_REF: 'main',
        GITHUB_REPOSITORY: 'acme/agents',
        GITHUB_EVENT_PATH: join(work, 'event.json'),
        GITHUB_STEP_SUMMARY: join(work, 'summary.md'),
        GITHUB_OUTPUT: join(work, 'output.txt'),
        ...env,
      },
    });
    const log = join(work, 'log');
    const calls = readdirSync(log)
      .filter((f) => f.endsWith('.args'))
      .sort()
      .map((f) => {
        const bodyFile = join(log, f.replace(/\.args$/, '.body'));
        return { args: readFileSync(join(log, f), 'utf8').trimEnd().split('\n'), ...(existsSync(bodyFile) ? { body: readFileSync(bodyFile, 'utf8') } : {}) };
      });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, calls };
  }

  it('creates the sticky comment on the pull request with the diff against origin/<base branch>', () => {
    const r = runAction({});
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.calls.length, 2);
    assert.deepEqual(r.calls[0].args.slice(0, 3), ['api', '--paginate', 'repos/acme/agents/issues/7/comments']);
    assert.ok(r.calls[0].args.some((a) => a.includes(`startswith("${GITHUB_MARKER}")`)), 'looks for its own comment by the marker');
    assert.deepEqual(r.calls[1].args.slice(0, 4), ['api', '--method', 'POST', 'repos/acme/agents/issues/7/comments']);
    const body = r.calls[1].body!;
    assert.equal(body.split('\n')[0], GITHUB_MARKER);
    assert.match(body, /### LLM cost \*\*\+\$[\d,.]+ a month \(\+\d+%\)\*\*/);
    assert.match(body, /origin\/main \([0-9a-f]{7}\) → working tree/);
    assert.match(body, /model swap gpt-4o-mini → gpt-4\.1/);
    assert.equal(readFileSync(join(work, 'summary.md'), 'utf8'), body, 'the job summary has the same comment');
    assert.match(readFileSync(join(work, 'output.txt'), 'utf8'), /^exit-code=0$/m);
  });

  it('updates the existing comment instead of adding another', () => {
    const r = runAction({ STUB_EXISTING_ID: '991' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.calls[1].args.slice(0, 4), ['api', '--method', 'PATCH', 'repos/acme/agents/issues/comments/991']);
    assert.match(r.calls[1].body!, /^<!-- tokenomics-diff -->\n### LLM cost/);
  });

  it('fails the check when the increase is over fail-on-increase, after posting the comment', () => {
    const r = runAction({ INPUT_FAIL_ON_INCREASE: '1' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /more than --fail-on-increase \$1\.00/);
    assert.equal(r.calls.length, 2, 'the comment is still posted');
    assert.match(readFileSync(join(work, 'output.txt'), 'utf8'), /^exit-code=1$/m);
    assert.equal(runAction({ INPUT_FAIL_ON_INCREASE: '1000000' }).status, 0);
  });

  it('takes the base and path inputs; posts nothing when the diff cannot run', () => {
    const ok = runAction({ INPUT_BASE: 'HEAD', INPUT_PATH: 'src' });
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.calls[1].body!, /### No change to LLM cost/);
    rmSync(join(work, 'log'), { recursive: true });
    mkdirSync(join(work, 'log'));
    const bad = runAction({ INPUT_BASE: 'no-such-ref' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /unknown revision 'no-such-ref'/);
    assert.deepEqual(bad.calls, []);
  });
});
