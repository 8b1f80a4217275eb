/**
 * Hand labels of whole application repositories (`bench/repos/labels/<owner>+<name>.json`) and the
 * corpus list (`bench/repos/corpus.json`). The label format is the one of
 * /work/shared/notes/real-repo-corpus.md, so that our numbers mean what other corpora's mean: one
 * object per labeled file; `score` lists the kinds labeled completely there, and only those are scored.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type LabelKind = 'prompts' | 'calls' | 'loops';
export const LABEL_KINDS: readonly LabelKind[] = ['prompts', 'calls', 'loops'];

export interface PromptLabel {
  /** Set for a prompt file loaded at run time (placed in the object of the file that loads it). */
  readonly path?: string;
  readonly start: number;
  readonly end: number;
  readonly kind?: string;
  readonly loaded_at?: string;
  readonly note?: string;
}

export interface CallLabel {
  readonly line: number;
  /** Model id at run time under the default configuration, without provider prefix; null: the user chooses. */
  readonly model: string | null;
  /** A request inside a chat-model class whose callers are the call sites: neither required nor wrong. */
  readonly optional?: boolean;
  readonly also_at?: readonly number[];
  readonly note?: string;
}

export interface LoopLabel {
  readonly line: number;
  readonly endLine: number;
  readonly bounded: boolean;
  readonly steps?: number;
  readonly also_at?: readonly number[];
  readonly note?: string;
}

export interface TrapLabel {
  readonly line: number;
  readonly note?: string;
}

export interface FileLabel {
  readonly repo: string;
  readonly commit: string;
  readonly path: string;
  readonly score: readonly LabelKind[];
  readonly prompts?: readonly PromptLabel[];
  readonly calls?: readonly CallLabel[];
  readonly agent_loops?: readonly LoopLabel[];
  readonly not_calls?: readonly TrapLabel[];
  readonly not_loops?: readonly TrapLabel[];
}

export type CorpusRole = 'tuning' | 'held-out';

export interface CorpusRepo {
  readonly repo: string;
  readonly commit: string;
  readonly language: string;
  readonly role: CorpusRole;
  /**
   * The role the repository had when its first-sight scores were recorded, where it changed since:
   * a held-out repository whose misses rules were later written from becomes `tuning`, and keeps
   * `firstSightRole: 'held-out'` so its first-sight entry still reads as a held-out measurement.
   */
  readonly firstSightRole?: CorpusRole;
  readonly why: string;
  /** Lines of the files the scan analyses, counted at labeling time. */
  readonly lines: number;
}

export function labelFileName(repo: string): string {
  return `${repo.replace('/', '+')}.json`;
}

export function readCorpus(root: string): CorpusRepo[] {
  return (JSON.parse(readFileSync(join(root, 'bench', 'repos', 'corpus.json'), 'utf8')) as { repos: CorpusRepo[] }).repos;
}

/** The labels of one repository, checked for the mistakes that would silently skew a score. */
export function readLabels(root: string, entry: CorpusRepo): FileLabel[] {
  const path = join(root, 'bench', 'repos', 'labels', labelFileName(entry.repo));
  if (!existsSync(path)) return [];
  const labels = JSON.parse(readFileSync(path, 'utf8')) as FileLabel[];
  const problems = checkLabels(labels, entry);
  if (problems.length) throw new Error(`${path}:\n  ${problems.join('\n  ')}`);
  return labels;
}

export function checkLabels(labels: readonly FileLabel[], entry: Pick<CorpusRepo, 'repo' | 'commit'>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const f of labels) {
    const where = f.path ?? '(no path)';
    if (f.repo !== entry.repo) problems.push(`${where}: repo ${f.repo} is not ${entry.repo}`);
    if (f.commit !== entry.commit) problems.push(`${where}: commit ${f.commit} is not the corpus commit ${entry.commit}`);
    if (seen.has(f.path)) problems.push(`${where}: labeled twice (one object per file)`);
    seen.add(f.path);
    for (const k of f.score ?? []) if (!LABEL_KINDS.includes(k)) problems.push(`${where}: unknown kind in score: ${k}`);
    for (const c of f.calls ?? []) if (c.model === undefined) problems.push(`${where}:${c.line}: call label without model (use null when the user chooses)`);
    for (const l of f.agent_loops ?? []) if (l.endLine < l.line) problems.push(`${where}:${l.line}: loop ends before it starts`);
    for (const p of f.prompts ?? []) if (p.end < p.start) problems.push(`${where}:${p.start}: prompt ends before it starts`);
  }
  return problems;
}
