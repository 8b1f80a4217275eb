/**
 * CLI manners across every command: a mistake in how a command is called gives a
 * short message and a usage hint on stderr, exit 2, and never a stack trace.
 */
import * as assert from 'node:assert/strict';
import { main } from '../../../src/cli/main';
import { COMMANDS } from '../../../src/cli/commands/index';
import type { CliIo } from '../../../src/cli/command';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stderrIsTty: false,
    cwd: process.cwd(),
    readStdin: async () => '',
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const STACK = /\n\s+at .+(:\d+:\d+\)?|native)/;

function assertUsageError(result: { code: number; stderr: string }, what: string): void {
  assert.equal(result.code, 2, `${what}: exit 2 (stderr: ${result.stderr})`);
  assert.doesNotMatch(result.stderr, STACK, `${what}: no stack trace`);
  const lines = result.stderr.trim().split('\n');
  assert.ok(lines.length >= 1 && lines.length <= 3, `${what}: a short message, got ${lines.length} lines: ${result.stderr}`);
}

describe('CLI manners', () => {
  it('every command answers --help with its usage and exit 0', async () => {
    assert.ok(COMMANDS.length >= 7, `commands: ${COMMANDS.map((c) => c.name).join(', ')}`);
    for (const command of COMMANDS) {
      const r = await run([command.name, '--help']);
      assert.equal(r.code, 0, command.name);
      assert.match(r.stdout, new RegExp(command.name));
    }
  });

  it('an unknown command is one line and exit 2', async () => {
    assertUsageError(await run(['frobnicate']), 'unknown command');
  });

  it('every command refuses an unknown flag with exit 2', async () => {
    for (const command of COMMANDS) assertUsageError(await run([command.name, '--definitely-not-a-flag']), `${command.name} --definitely-not-a-flag`);
  });

  it('an unknown output format is refused', async () => {
    assertUsageError(await run(['scan', 'examples', '--format', 'xml']), 'scan --format xml');
    assertUsageError(await run(['estimate', '--model', 'gpt-4o', '--input', '100', '--output', '10', '--format', 'yaml']), 'estimate --format yaml');
  });

  it('negative and non-numeric numbers are refused', async () => {
    assertUsageError(await run(['estimate', '--model', 'gpt-4o', '--input', '-5', '--output', '10']), 'negative input');
    assertUsageError(await run(['estimate', '--model', 'gpt-4o', '--input', 'ten', '--output', '10']), 'non-numeric input');
    assertUsageError(await run(['agent', '--model', 'gpt-4o', '--system', '100', '--tools', '0', '--task', '10', '--output', '10', '--tool-result', '10', '--steps', '-3']), 'negative steps');
    assertUsageError(await run(['scan', 'examples', '--budget-monthly', '-1']), 'negative budget');
  });

  it('a missing path or file is one clear line and exit 2', async () => {
    const scan = await run(['scan', '/definitely/not/here']);
    assertUsageError(scan, 'scan of a missing path');
    assert.match(scan.stderr, /not\/here/);
    assertUsageError(await run(['count', '/definitely/not/here.txt']), 'count of a missing file');
  });

  it('an unknown model names the nearest known one, exit 2', async () => {
    const r = await run(['estimate', '--model', 'gpt-4o-minii', '--input', '100', '--output', '10']);
    assertUsageError(r, 'unknown model');
    assert.match(r.stderr, /gpt-4o-mini/);
  });

  it('a budget exceeded keeps exit 1 and names the offender', async () => {
    const r = await run(['scan', 'examples', '--budget-per-task', '0.000001', '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    assert.doesNotMatch(r.stderr, STACK);
    assert.match(r.stderr + r.stdout, /budget/i);
  });
});
