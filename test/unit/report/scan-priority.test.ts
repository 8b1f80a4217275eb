/**
 * The scan process gives way to the editor (src/node/scan-priority.ts): it runs at a lower priority
 * than its host, every thread of it. Checked on a real scan process through /proc while it scans;
 * and the worker count an editor asks for.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { defaultJobs } from '../../../src/node/detect-pool';
import { startScanProcess } from '../../../src/node/scan-process-client';
import { lowerChildPriority, scanNiceness, SCAN_NICENESS_STEP } from '../../../src/node/scan-priority';
import type { ScanRequest } from '../../../src/node/scan-process-protocol';
import { TEST_ASSUMPTIONS, TEST_CATALOG } from './catalog-fixture';

function request(root: string): ScanRequest {
  // The report lands beside the scanned folder, in the test's own temporary directory.
  const reportFile = join(dirname(root), 'report.json');
  return { paths: [root], root, cwd: root, exclude: [], maxFileBytes: 1024 * 1024, respectGitignore: true, jobs: 1, catalog: TEST_CATALOG, assumptions: TEST_ASSUMPTIONS, reportFile };
}

/** Fields of /proc/<pid>/task/<tid>/stat after the command name: [0] state … [16] nice. */
function statFields(path: string): string[] {
  const stat = readFileSync(path, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

describe('scan process priority: the scan gives way to the editor', function () {
  this.timeout(60_000);
  let dir = '';
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('runs the scan one step lower than its host, never past the lowest', () => {
    assert.equal(scanNiceness(0), SCAN_NICENESS_STEP);
    assert.equal(scanNiceness(5), 15);
    assert.equal(scanNiceness(15), 19);
    assert.equal(scanNiceness(-5), SCAN_NICENESS_STEP, 'a host above normal priority does not lift the scan above the step');
  });

  it('a priority that cannot be set is a line for the log, not an error', () => {
    assert.equal(lowerChildPriority(undefined), 'priority unchanged (no process id)');
    // No such process (pids are below 2^22 on Linux; ESRCH elsewhere too).
    assert.match(lowerChildPriority(2 ** 30), /^priority unchanged \(\w+\)$/);
  });

  it('on Linux every thread of a running scan, its detection worker included, is lowered', async function () {
    if (process.platform !== 'linux') this.skip();
    dir = mkdtempSync(join(tmpdir(), 'tokenomics-scan-priority-'));
    for (let i = 0; i < 400; i++) {
      const path = join(dir, 'src', `pkg${i % 10}`, `agent${i}.py`);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `import anthropic\nclient = anthropic.Anthropic()\nr${i} = client.messages.create(model="claude-sonnet-4-5", max_tokens=${100 + i}, messages=[{"role": "user", "content": "Task ${i}"}])\n`);
    }
    const expected = scanNiceness(getPriority());
    // Sampled at the first progress after a file was detected: the detection worker exists by then.
    let seen: { threads: number[] } | undefined;
    const scan = startScanProcess(request(join(dir, 'src')), (p) => {
      if (seen || p.done < 1 || !scan.pid) return;
      const pid = scan.pid;
      try {
        seen = { threads: readdirSync(`/proc/${pid}/task`).map((tid) => Number(statFields(`/proc/${pid}/task/${tid}/stat`)[16])) };
      } catch {
        // it ended between two reads: no sample
      }
    });
    assert.equal(scan.priority, `lowered priority (niceness ${expected})`);
    const outcome = await scan.outcome;
    assert.equal(outcome.kind, 'report');
    assert.ok(seen, 'sampled the process while it scanned');
    // The main thread, V8's threads from before the script ran, the detection worker and the I/O pool.
    assert.ok(seen.threads.length >= 5, `threads: ${seen.threads.join(',')}`);
    assert.deepEqual([...new Set(seen.threads)], [expected], `every thread at niceness ${expected}`);
  });

  it('an editor keeps a core for typing: one detection worker on two cores or fewer', () => {
    assert.equal(defaultJobs('editor', 1), 1);
    assert.equal(defaultJobs('editor', 2), 1);
    assert.equal(defaultJobs('editor', 4), 3);
    assert.equal(defaultJobs('cli', 2), 2);
    assert.equal(defaultJobs('cli', 64), 8, 'parsers cost memory: at most 8');
  });
});
