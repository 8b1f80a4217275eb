/**
 * Scoring one scanned file against its hand labels, by the rules of
 * /work/shared/notes/real-repo-corpus.md:
 * - prompt found: a reported prompt overlapping `start..end` ±1 line; a loaded prompt file (label
 *   with its own `path`) is found when the scan reports at least one prompt in that file.
 * - call found: a reported request within ±2 lines of `line` (or an `also_at` line) whose model equals
 *   the label's after normalising, or is the catalog model the label's id resolves to; a null label model
 *   accepts any model. Bindings (constructors nothing
 *   invokes, `role: 'binding'`) are not requests and are not counted as reported calls.
 * - loop found: a reported loop starting within `line-3 .. endLine+3`, or spanning an `also_at` line,
 *   with the same `bounded` and, where the label has `steps`, the same step count.
 * - precision: reported items in the scored file that sit where a label is; a report on a `not_calls`
 *   / `not_loops` line is a trap taken.
 * Calls and loops are matched one to one (a site reported twice counts once; the second is extra),
 * prompts many to one (a prompt reported in pieces is still found, and no piece is wrong).
 * `optional` call labels neither count as expected nor make the report that matches them extra.
 */
import { getBundledCatalog, resolveModel } from '../../src/core/catalog';
import type { AgentLoopReport, CallReport, FileReport, PromptReport } from '../../src/core/report/types';
import type { CallLabel, FileLabel, LabelKind, LoopLabel, PromptLabel, TrapLabel } from './labels';

export interface KindScore {
  /** Labels that count (not optional). */
  expected: number;
  /** Labels found by the rules above (right model / right bound included). */
  found: number;
  /** Labels with a report at the right place, whatever its model or bound. */
  located: number;
  /** Reports in the scored file (calls: requests only; optional matches left out). */
  reported: number;
  /** Reports that sit where a label is. */
  matched: number;
  /** Reports on a trap line. */
  traps: number;
  /** Calls: located with the right model. Loops: located with the right bound. */
  right: number;
}

export type FindingType = 'miss' | 'wrong-model' | 'wrong-bound' | 'extra' | 'trap';

export interface Finding {
  readonly kind: LabelKind;
  readonly type: FindingType;
  readonly path: string;
  readonly line: number;
  readonly expected?: string;
  readonly got?: string;
  readonly note?: string;
}

/**
 * What became of one reported item of a scored file (the rule census reads these): `right` matched a label
 * (with the right model / bound), `wrong` matched one at its place with the wrong model / bound, `extra` and
 * `trap` matched none, `optional` matched an optional label (neither right nor wrong). `path` is the file the
 * item is reported in: a loaded prompt file's prompts are `right` for the label of the file that loads it.
 */
export interface ReportOutcome {
  readonly kind: LabelKind;
  readonly path: string;
  readonly id: string;
  readonly outcome: 'right' | 'wrong' | 'extra' | 'trap' | 'optional';
}

export interface FileScore {
  readonly path: string;
  readonly kinds: Partial<Record<LabelKind, KindScore>>;
  readonly findings: Finding[];
  readonly outcomes: ReportOutcome[];
}

export function emptyKindScore(): KindScore {
  return { expected: 0, found: 0, located: 0, reported: 0, matched: 0, traps: 0, right: 0 };
}

export function addKindScore(into: KindScore, more: KindScore): void {
  for (const key of Object.keys(into) as (keyof KindScore)[]) into[key] += more[key];
}

/** Lower case, provider prefix and date/`latest` suffix dropped, `.` as `-`: `openai/gpt-4o-2024-08-06` → `gpt-4o`. */
export function normalizeModel(model: string): string {
  let m = model.trim().toLowerCase();
  m = m.slice(Math.max(m.lastIndexOf('/'), m.lastIndexOf(':')) + 1);
  m = m.replace(/\./g, '-');
  m = m.replace(/-latest$/, '');
  m = m.replace(/[-@](\d{8}|\d{4}-\d{2}-\d{2}|\d{4})$/, '');
  return m;
}

/** The model a reported call is priced on, as the user sees it: resolved id, else as written, else the offering's. */
export function reportedModel(call: CallReport): string | undefined {
  return call.modelResolved ?? call.model ?? call.offering?.split('/').pop();
}

/**
 * The label's id against the catalog id the call is priced on, or the id as the code writes it (`llama3.2` is the
 * catalog's `llama-3.2-3b`); or both are spellings of one catalog model, priced alike (the label's
 * `gpt-4-1106-preview` read from a config file is the catalog's `gpt-4-turbo`, which upstream lists it under).
 */
export function sameModel(label: string | null, call: CallReport): boolean {
  if (label === null) return true;
  const labelModel = catalogModelOf(label);
  return [reportedModel(call), call.model].some(
    (got) => got !== undefined && (normalizeModel(got) === normalizeModel(label) || (labelModel !== undefined && catalogModelOf(got) === labelModel)),
  );
}

const catalogModels = new Map<string, string | undefined>();

function catalogModelOf(spelling: string): string | undefined {
  if (!catalogModels.has(spelling)) {
    const r = resolveModel(getBundledCatalog(), spelling);
    catalogModels.set(spelling, r.kind === 'resolved' ? r.model.id : undefined);
  }
  return catalogModels.get(spelling);
}

/**
 * Scores the kinds the label lists in `score`. `promptsInFile(path)`: prompts the scan reports in another file
 * (a count; or the prompts themselves, which also names them in `outcomes`).
 */
export function scoreFile(label: FileLabel, report: FileReport | undefined, promptsInFile: (path: string) => number | readonly PromptReport[]): FileScore {
  const findings: Finding[] = [];
  const outcomes: ReportOutcome[] = [];
  const kinds: Partial<Record<LabelKind, KindScore>> = {};
  const scored = new Set(label.score);
  if (scored.has('prompts')) kinds.prompts = scorePrompts(label, report?.prompts ?? [], promptsInFile, findings, outcomes);
  if (scored.has('calls')) kinds.calls = scoreCalls(label, (report?.calls ?? []).filter((c) => c.role !== 'binding'), findings, outcomes);
  if (scored.has('loops')) kinds.loops = scoreLoops(label, report?.agentLoops ?? [], findings, outcomes);
  return { path: label.path, kinds, findings, outcomes };
}

function scorePrompts(label: FileLabel, reported: readonly PromptReport[], promptsInFile: (path: string) => number | readonly PromptReport[], findings: Finding[], outcomes: ReportOutcome[]): KindScore {
  const s = emptyKindScore();
  const here = (p: PromptLabel): boolean => p.path === undefined || p.path === label.path;
  const overlaps = (r: PromptReport, p: PromptLabel): boolean => r.line <= p.end + 1 && r.endLine >= p.start - 1;
  for (const p of label.prompts ?? []) {
    s.expected++;
    const elsewhere = here(p) ? undefined : promptsInFile(p.path!);
    const found = elsewhere === undefined ? reported.some((r) => overlaps(r, p)) : typeof elsewhere === 'number' ? elsewhere > 0 : elsewhere.length > 0;
    if (typeof elsewhere === 'object') for (const r of elsewhere) outcomes.push({ kind: 'prompts', path: p.path!, id: r.id, outcome: 'right' });
    if (found) {
      s.found++;
      s.located++;
      s.right++;
    } else findings.push({ kind: 'prompts', type: 'miss', path: p.path ?? label.path, line: p.start, expected: p.path ? `prompt file loaded at ${p.loaded_at ?? label.path}` : `prompt ${p.start}-${p.end}`, note: p.note });
  }
  for (const r of reported) {
    s.reported++;
    const matched = (label.prompts ?? []).some((p) => here(p) && overlaps(r, p));
    outcomes.push({ kind: 'prompts', path: label.path, id: r.id, outcome: matched ? 'right' : 'extra' });
    if (matched) s.matched++;
    else findings.push({ kind: 'prompts', type: 'extra', path: label.path, line: r.line, got: `${r.kind} prompt ${r.line}-${r.endLine}: ${r.preview.slice(0, 60)}` });
  }
  return s;
}

interface Anchored {
  readonly line: number;
  readonly also_at?: readonly number[];
}

/**
 * One-to-one matching: first every label takes the nearest free report that is right (model/bound),
 * then the labels left take the nearest free report at their place. Returns label index → report index.
 */
function matchOneToOne<L extends Anchored, R extends { line: number }>(labels: readonly L[], reports: readonly R[], near: (l: L, r: R) => number | undefined, right: (l: L, r: R) => boolean): Map<number, number> {
  const taken = new Set<number>();
  const pairs = new Map<number, number>();
  for (const requireRight of [true, false]) {
    labels.forEach((l, li) => {
      if (pairs.has(li)) return;
      let best: number | undefined;
      let bestDistance = Infinity;
      reports.forEach((r, ri) => {
        if (taken.has(ri)) return;
        const d = near(l, r);
        if (d === undefined || d >= bestDistance || (requireRight && !right(l, r))) return;
        best = ri;
        bestDistance = d;
      });
      if (best !== undefined) {
        pairs.set(li, best);
        taken.add(best);
      }
    });
  }
  return pairs;
}

function trapAt(traps: readonly TrapLabel[] | undefined, line: number): TrapLabel | undefined {
  return traps?.find((t) => t.line === line);
}

function scoreCalls(label: FileLabel, reported: readonly CallReport[], findings: Finding[], outcomes: ReportOutcome[]): KindScore {
  const s = emptyKindScore();
  // Required labels match first so that an optional label never takes the report a required one needs.
  const labels = [...(label.calls ?? [])].sort((a, b) => Number(Boolean(a.optional)) - Number(Boolean(b.optional)));
  const near = (l: CallLabel, r: CallReport): number | undefined => {
    const d = Math.min(...[l.line, ...(l.also_at ?? [])].map((a) => Math.abs(r.line - a)));
    return d <= 2 ? d : undefined;
  };
  const pairs = matchOneToOne(labels, reported, near, (l, r) => sameModel(l.model, r));
  const optionalReports = new Set<number>();
  labels.forEach((l, li) => {
    const ri = pairs.get(li);
    if (l.optional) {
      if (ri !== undefined) optionalReports.add(ri);
      return;
    }
    s.expected++;
    if (ri === undefined) return void findings.push({ kind: 'calls', type: 'miss', path: label.path, line: l.line, expected: l.model ?? 'any model', note: l.note });
    s.located++;
    if (sameModel(l.model, reported[ri])) {
      s.found++;
      s.right++;
    } else findings.push({ kind: 'calls', type: 'wrong-model', path: label.path, line: l.line, expected: l.model ?? 'any model', got: reportedModel(reported[ri]) ?? '(none)', note: l.note });
  });
  const matchedReports = new Set(pairs.values());
  const labelOf = new Map([...pairs].map(([li, ri]) => [ri, labels[li]]));
  reported.forEach((r, ri) => {
    const trap = trapAt(label.not_calls, r.line);
    const matchedLabel = labelOf.get(ri);
    const outcome = optionalReports.has(ri) ? 'optional' : matchedLabel ? (sameModel(matchedLabel.model, r) ? 'right' : 'wrong') : trap ? 'trap' : 'extra';
    outcomes.push({ kind: 'calls', path: label.path, id: r.id, outcome });
    if (optionalReports.has(ri)) return;
    s.reported++;
    if (matchedReports.has(ri)) return void s.matched++;
    if (trap) s.traps++;
    findings.push({ kind: 'calls', type: trap ? 'trap' : 'extra', path: label.path, line: r.line, got: `${r.framework} ${reportedModel(r) ?? '(no model)'}`, note: trap?.note });
  });
  return s;
}

function loopBoundRight(l: LoopLabel, r: AgentLoopReport): boolean {
  return r.bounded === l.bounded && (l.steps === undefined || r.maxSteps === l.steps);
}

function describeBound(bounded: boolean, steps: number | undefined): string {
  return bounded ? `bounded${steps !== undefined ? `, ${steps} steps` : ''}` : 'unbounded';
}

function scoreLoops(label: FileLabel, reported: readonly AgentLoopReport[], findings: Finding[], outcomes: ReportOutcome[]): KindScore {
  const s = emptyKindScore();
  const labels = label.agent_loops ?? [];
  const near = (l: LoopLabel, r: AgentLoopReport): number | undefined => {
    if (r.line >= l.line - 3 && r.line <= l.endLine + 3) return Math.abs(r.line - l.line);
    return (l.also_at ?? []).some((a) => r.line <= a && a <= r.endLine) ? 0 : undefined;
  };
  const pairs = matchOneToOne(labels, reported, near, loopBoundRight);
  labels.forEach((l, li) => {
    s.expected++;
    const ri = pairs.get(li);
    if (ri === undefined) return void findings.push({ kind: 'loops', type: 'miss', path: label.path, line: l.line, expected: describeBound(l.bounded, l.steps), note: l.note });
    s.located++;
    const r = reported[ri];
    if (loopBoundRight(l, r)) {
      s.found++;
      s.right++;
    } else findings.push({ kind: 'loops', type: 'wrong-bound', path: label.path, line: l.line, expected: describeBound(l.bounded, l.steps), got: describeBound(r.bounded, r.maxSteps), note: l.note });
  });
  const matchedReports = new Set(pairs.values());
  const labelOf = new Map([...pairs].map(([li, ri]) => [ri, labels[li]]));
  reported.forEach((r, ri) => {
    const trap = trapAt(label.not_loops, r.line);
    const matchedLabel = labelOf.get(ri);
    outcomes.push({ kind: 'loops', path: label.path, id: r.id, outcome: matchedLabel ? (loopBoundRight(matchedLabel, r) ? 'right' : 'wrong') : trap ? 'trap' : 'extra' });
    s.reported++;
    if (matchedReports.has(ri)) return void s.matched++;
    if (trap) s.traps++;
    findings.push({ kind: 'loops', type: trap ? 'trap' : 'extra', path: label.path, line: r.line, got: `${r.framework} ${describeBound(r.bounded, r.maxSteps)}`, note: trap?.note });
  });
  return s;
}
