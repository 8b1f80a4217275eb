/**
 * First-sight scores: each repository's scores the first time it was measured, before any rule was
 * written for it (bench/repos/first-sight.json). `--record-first-sight` adds the repositories measured
 * in this run that have no entry yet and never overwrites one, so the file keeps the honest
 * before-picture; later runs print their scores next to it (the after-fix scores).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABEL_KINDS, type CorpusRole, type LabelKind } from './labels';
import type { KindScore } from './score';
import { accuracy, precision, recall, type RepoResult } from './summary';

export interface KindFigures extends KindScore {
  readonly recall: number | null;
  readonly precision: number | null;
  readonly accuracy: number | null;
}

export interface FirstSightEntry {
  readonly repo: string;
  readonly role: CorpusRole;
  readonly commit: string;
  /** Commit of Tokenomics measured (its detection code is main's at `mainCommit`). */
  readonly tokenomicsCommit: string;
  readonly mainCommit?: string;
  readonly measuredAt: string;
  readonly lines: number;
  readonly scanMs: number;
  readonly kinds: Record<LabelKind, KindFigures>;
}

interface FirstSightFile {
  readonly about: string;
  readonly entries: FirstSightEntry[];
}

const ABOUT = 'Scores of each corpus repository the first time it was measured, before rules were written for it. Written by `npm run bench:repos -- --record-first-sight`, which never overwrites an entry.';

export function firstSightPath(root: string): string {
  return join(root, 'bench', 'repos', 'first-sight.json');
}

export function readFirstSight(root: string): FirstSightEntry[] {
  const path = firstSightPath(root);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as FirstSightFile).entries : [];
}

export function kindFigures(s: KindScore): KindFigures {
  return { ...s, recall: recall(s) ?? null, precision: precision(s) ?? null, accuracy: accuracy(s) ?? null };
}

function git(root: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** Adds entries for the results not yet recorded; returns the repositories added. */
export function recordFirstSight(root: string, results: readonly RepoResult[]): string[] {
  const entries = readFirstSight(root);
  const head = git(root, ['rev-parse', 'HEAD']) ?? 'unknown';
  const main = git(root, ['rev-parse', 'main']);
  const mainIsIn = main !== undefined && git(root, ['merge-base', '--is-ancestor', main, 'HEAD']) !== undefined;
  const added: string[] = [];
  for (const r of results) {
    if (entries.some((e) => e.repo === r.repo && e.commit === r.commit)) continue;
    const kinds = Object.fromEntries(LABEL_KINDS.map((k) => [k, kindFigures(r.kinds[k])])) as Record<LabelKind, KindFigures>;
    entries.push({ repo: r.repo, role: r.role, commit: r.commit, tokenomicsCommit: head, ...(mainIsIn ? { mainCommit: main } : {}), measuredAt: new Date().toISOString(), lines: r.lines, scanMs: Math.round(r.scanMs), kinds });
    added.push(r.repo);
  }
  if (added.length) writeFileSync(firstSightPath(root), JSON.stringify({ about: ABOUT, entries } satisfies FirstSightFile, null, 2) + '\n');
  return added;
}
