/**
 * What "Set an assumption…" offers for a site, and the annotation each choice writes.
 * Pure: the command shows these in a quick pick and writes the annotation through an
 * undoable WorkspaceEdit (`annotationEdit` of the quick fixes).
 */
import type { SiteAssumption } from '../../core/report/types';
import type { FileReport } from '../../core/report/types';

export interface AssumptionChoice {
  /** The annotation key written: `output`, `steps`, `callsPerDay`, `toolResult`, `model`. */
  readonly key: 'output' | 'steps' | 'callsPerDay' | 'toolResult' | 'model';
  readonly label: string;
  /** What the site assumes now, in words. */
  readonly current: string;
  /** The line the annotation goes above (the site's first line). */
  readonly line: number;
}

const SUBJECT_KEY: Partial<Record<SiteAssumption['subject'], AssumptionChoice['key']>> = {
  output: 'output',
  steps: 'steps',
  'calls-per-day': 'callsPerDay',
  'tool-result': 'toolResult',
  model: 'model',
};

const LABEL: Record<AssumptionChoice['key'], string> = {
  output: 'Output tokens per call',
  steps: 'Steps per task',
  callsPerDay: 'Calls (or tasks) a day',
  toolResult: 'Tokens each tool result adds',
  model: 'Model',
};

/** The site's assumptions that an annotation can set, the model always among them. */
export function assumptionChoices(report: FileReport, siteId: string): AssumptionChoice[] {
  const site = report.agentLoops.find((l) => l.id === siteId) ?? report.calls.find((c) => c.id === siteId);
  if (!site) return [];
  const notes = site.assumptions ?? [];
  const out: AssumptionChoice[] = [];
  const seen = new Set<string>();
  for (const n of notes) {
    const key = SUBJECT_KEY[n.subject];
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push({ key, label: LABEL[key], current: `${n.value} (${n.from})`, line: site.line });
  }
  if (!seen.has('model')) {
    const model = 'modelResolved' in site ? site.modelResolved ?? site.model : site.model;
    out.push({ key: 'model', label: LABEL.model, current: model ?? 'the default model', line: site.line });
  }
  return out;
}

/** A positive whole number, or the reason it is not. */
export function validateCount(value: string): string | undefined {
  return /^\d+$/.test(value.trim()) && Number(value) > 0 ? undefined : 'A positive whole number, e.g. 800';
}
