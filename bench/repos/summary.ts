/**
 * Putting file scores together: per repository, per role (tuning vs held-out) and against the
 * targets of issue 13 for repositories the rules were not tuned on.
 */
import { LABEL_KINDS, type CorpusRole, type FileLabel, type LabelKind } from './labels';
import { addKindScore, emptyKindScore, type FileScore, type Finding, type KindScore } from './score';

export interface RepoResult {
  readonly repo: string;
  readonly commit: string;
  readonly role: CorpusRole;
  /** Lines of the files the scan analysed. */
  readonly lines: number;
  readonly files: number;
  readonly scanMs: number;
  readonly scanCpuMs: number;
  readonly labeledFiles: number;
  readonly kinds: Record<LabelKind, KindScore>;
  readonly findings: readonly Finding[];
}

/** Held-out targets (issue 13): recall and precision at least this, with the right model / bound. */
export const TARGETS: Readonly<Record<LabelKind, number>> = { calls: 0.9, loops: 0.85, prompts: 0.9 };
/** Speed target (issue 13): a 300,000-line repository scans in under 20 s. */
export const SPEED_TARGET = { lines: 300_000, seconds: 20 } as const;

export function sumKinds(scores: readonly FileScore[]): Record<LabelKind, KindScore> {
  const total = { prompts: emptyKindScore(), calls: emptyKindScore(), loops: emptyKindScore() };
  for (const s of scores) for (const k of LABEL_KINDS) if (s.kinds[k]) addKindScore(total[k], s.kinds[k]!);
  return total;
}

/** Items labeled per kind in a repository's label file (calls: required ones; traps apart). */
export function labelCounts(labels: readonly FileLabel[]): Record<string, number> {
  const count = { files: labels.length, prompts: 0, promptFiles: 0, calls: 0, optionalCalls: 0, loops: 0, notCalls: 0, notLoops: 0 };
  for (const f of labels) {
    for (const p of f.prompts ?? []) p.path && p.path !== f.path ? count.promptFiles++ : count.prompts++;
    for (const c of f.calls ?? []) c.optional ? count.optionalCalls++ : count.calls++;
    count.loops += f.agent_loops?.length ?? 0;
    count.notCalls += f.not_calls?.length ?? 0;
    count.notLoops += f.not_loops?.length ?? 0;
  }
  return count;
}

export function recall(s: KindScore): number | undefined {
  return s.expected ? s.found / s.expected : undefined;
}

export function precision(s: KindScore): number | undefined {
  return s.reported ? s.matched / s.reported : undefined;
}

/** Calls: right model among calls found at their place. Loops: right bound among loops found at their place. */
export function accuracy(s: KindScore): number | undefined {
  return s.located ? s.right / s.located : undefined;
}

export interface RoleSummary {
  readonly role: CorpusRole;
  readonly repos: number;
  readonly kinds: Record<LabelKind, KindScore>;
  /** Per kind: recall and precision both at the target (held-out only; undefined where nothing is labeled). */
  readonly meets: Partial<Record<LabelKind, boolean>>;
}

export function summarizeRoles(results: readonly RepoResult[]): RoleSummary[] {
  const roles: CorpusRole[] = ['tuning', 'held-out'];
  return roles
    .map((role) => {
      const mine = results.filter((r) => r.role === role);
      const kinds = { prompts: emptyKindScore(), calls: emptyKindScore(), loops: emptyKindScore() };
      for (const r of mine) for (const k of LABEL_KINDS) addKindScore(kinds[k], r.kinds[k]);
      const meets: Partial<Record<LabelKind, boolean>> = {};
      for (const k of LABEL_KINDS) {
        if (!kinds[k].expected) continue;
        meets[k] = (recall(kinds[k]) ?? 0) >= TARGETS[k] && (precision(kinds[k]) ?? 1) >= TARGETS[k];
      }
      return { role, repos: mine.length, kinds, meets };
    })
    .filter((s) => s.repos > 0);
}

/** Seconds a SPEED_TARGET-sized repository would take at this repository's scan rate. */
export function projectedSeconds(r: Pick<RepoResult, 'lines' | 'scanMs'>): number {
  return r.lines ? (r.scanMs / 1000) * (SPEED_TARGET.lines / r.lines) : 0;
}
