// The CLI's JSON report of the session's workspace copy: the reference the editor surfaces are
// checked against (DESIGN: the same input gives the same numbers in every surface).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export function cliReport({ repo, workspace }) {
  const cli = join(repo, 'dist', 'cli.js');
  const out = execFileSync(process.execPath, [cli, 'scan', workspace, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out);
}

/** The prompt whose preview starts with `start`, in the file whose path ends with `file`. */
export function findPrompt(report, file, start) {
  const fileReport = report.files.find((f) => f.path.endsWith(file));
  if (!fileReport) throw new Error(`CLI report has no file ${file}: ${report.files.map((f) => f.path).join(', ')}`);
  const prompt = fileReport.prompts.find((p) => p.preview.replace(/^[`'"]+/, '').startsWith(start));
  if (!prompt) throw new Error(`CLI report of ${file} has no prompt starting "${start}"`);
  return prompt;
}

/** "1,234" → 1234 */
export function parseCount(text) {
  return Number(text.replace(/[,\s\u202f]/g, ''));
}
