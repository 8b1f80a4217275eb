/**
 * The repository a diff reads and the revisions it compares. Problems a user can
 * fix (not a repository, an unknown revision) are RepoErrors with one line each.
 */
import { realpathSync } from 'node:fs';
import { GitError, gitText } from './run';

export class RepoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RepoError';
  }
}

/** The top level of the work tree containing `dir`. */
export async function repositoryRoot(dir: string): Promise<string> {
  try {
    const top = await gitText(dir, ['rev-parse', '--show-toplevel']);
    if (!top) throw new RepoError(`${dir} is not inside a git work tree`);
    return realpathSync(top);
  } catch (err) {
    if (err instanceof GitError) throw new RepoError(err.exitCode === null ? err.message : `${dir} is not a git repository`);
    throw err;
  }
}

/** The commit a revision names (`main`, `origin/main`, `HEAD~2`, a sha). */
export async function resolveCommit(repo: string, rev: string): Promise<string> {
  if (rev.startsWith('-')) throw new RepoError(`unknown revision '${rev}'`);
  try {
    return await gitText(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  } catch (err) {
    if (err instanceof GitError) throw new RepoError(`unknown revision '${rev}' (not a commit in ${repo})`);
    throw err;
  }
}

/** HEAD's commit, or undefined in a repository without commits yet. */
export async function headCommit(repo: string): Promise<string | undefined> {
  try {
    return await gitText(repo, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  } catch {
    return undefined;
  }
}
