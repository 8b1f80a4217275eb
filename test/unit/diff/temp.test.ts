import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withTempDir } from '../../../src/node/git/temp';

describe('diff: temporary export folders', function () {
  this.timeout(20000);
  let scratch = '';
  let saved: string | undefined;
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'tokenomics-temp-test-'));
    saved = process.env.TMPDIR;
    process.env.TMPDIR = scratch;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    rmSync(scratch, { recursive: true, force: true });
  });

  it('removes the folder after the work, and after the work fails', async () => {
    let seen = '';
    await withTempDir('x-', '/nonexistent-repository', async (dir) => {
      seen = dir;
      assert.ok(existsSync(dir));
    });
    assert.ok(seen.startsWith(scratch));
    assert.ok(!existsSync(seen));
    await assert.rejects(
      withTempDir('x-', '/nonexistent-repository', async (dir) => {
        seen = dir;
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.ok(!existsSync(seen));
    assert.deepEqual(readdirSync(scratch), []);
    assert.equal(process.listenerCount('SIGINT'), 0, 'no signal handler left installed');
  });

  it('refuses a temporary folder inside the repository', async () => {
    await assert.rejects(withTempDir('x-', scratch, async () => undefined), /inside .*set TMPDIR/);
  });

  it('removes the folder when the process is interrupted (Ctrl-C) and exits 130', async () => {
    const script = `const { withTempDir } = require(${JSON.stringify(join(__dirname, '../../../src/node/git/temp.js'))});
withTempDir('x-', '/nonexistent-repository', async (dir) => { require('fs').writeFileSync(dir + '/f', 'x'); console.log(dir); await new Promise(() => setInterval(() => {}, 1000)); });`;
    const child = spawn(process.execPath, ['-e', script], { env: { ...process.env, TMPDIR: scratch }, stdio: ['ignore', 'pipe', 'inherit'] });
    const dir = await new Promise<string>((resolve) => child.stdout.once('data', (b: Buffer) => resolve(b.toString().trim())));
    assert.ok(existsSync(join(dir, 'f')));
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c));
      child.kill('SIGINT');
    });
    assert.equal(code, 130);
    assert.ok(!existsSync(dir));
    assert.deepEqual(readdirSync(scratch), []);
  });
});
