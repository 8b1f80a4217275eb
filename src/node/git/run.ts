/**
 * Running git read-only: every call goes through here so that none can take the
 * index lock or rewrite the index (GIT_OPTIONAL_LOCKS=0, `--no-optional-locks`),
 * and so that a failure carries git's own message for the user.
 */
import { spawn } from 'node:child_process';

export class GitError extends Error {
  constructor(
    message: string,
    readonly stderr: string,
    readonly exitCode: number | null,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

export interface GitRunOptions {
  /** Written to git's stdin, then closed. */
  readonly input?: string | Buffer;
}

/** git's stdout as bytes; rejects with GitError (git's first stderr line) on a non-zero exit. */
export function git(repo: string, args: readonly string[], options: GitRunOptions = {}): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', ['--no-optional-locks', '-c', 'core.quotepath=off', '-C', repo, ...args], {
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) => reject(new GitError(e.code === 'ENOENT' ? 'git is not installed (or not on PATH)' : e.message, '', null)));
    child.on('close', (code) => {
      if (code === 0) return resolvePromise(Buffer.concat(out));
      const stderr = Buffer.concat(err).toString('utf8');
      const first = stderr.split('\n').find((l) => l.trim()) ?? `git ${args[0]} failed`;
      reject(new GitError(first.replace(/^(fatal|error): /, ''), stderr, code));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** git's stdout as text, trailing newline removed. */
export async function gitText(repo: string, args: readonly string[]): Promise<string> {
  return (await git(repo, args)).toString('utf8').replace(/\n$/, '');
}
