/**
 * The path from a document opening to its first lens, timed: when the extension host heard of the
 * document, when its analysis started and finished, when the editor asked for its lenses and what
 * the provider answered. One line per document in the log at debug level, which
 * `npm run bench:editor` reads to say where a slow lens spent its time (the workbench before the
 * extension host heard of the file, the analysis, or the editor's wait before asking). Pure (no
 * `vscode`), unit-tested.
 */

interface Timeline {
  readonly label: string;
  readonly startedAt: number;
  readonly events: string[];
}

/** Enough for a lens that was answered empty, announced and asked again; more is noise. */
const MAX_EVENTS = 12;

export class OpenTimelines {
  private readonly running = new Map<string, Timeline>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxRunning = 32,
  ) {}

  /** `key` was opened now (or was open when the extension started): its timeline (re)starts. */
  start(key: string, label: string): void {
    this.running.delete(key);
    this.running.set(key, { label, startedAt: this.now(), events: [] });
    // Documents opened and never shown (a search, a git view) end no timeline: drop the oldest.
    while (this.running.size > this.maxRunning) {
      const oldest = this.running.keys().next().value;
      if (oldest === undefined) break;
      this.running.delete(oldest);
    }
  }

  has(key: string): boolean {
    return this.running.has(key);
  }

  /** Something happened on `key`'s path to its first lens (nothing when no timeline runs). */
  mark(key: string, event: string): void {
    const t = this.running.get(key);
    if (!t || t.events.length >= MAX_EVENTS) return;
    t.events.push(`${event} +${this.now() - t.startedAt} ms`);
  }

  /**
   * The editor got lenses from this version's analysis: the timeline ends. Returns its log line,
   * `Lens path of <label>: opened <ISO time>; <event> +N ms; …`, or undefined when none ran.
   */
  finish(key: string, event = 'answered'): string | undefined {
    this.mark(key, event);
    const t = this.running.get(key);
    if (!t) return undefined;
    this.running.delete(key);
    return `Lens path of ${t.label}: opened ${new Date(t.startedAt).toISOString()}; ${t.events.join('; ')}`;
  }

  forget(key: string): void {
    this.running.delete(key);
  }
}

/** A `Lens path of …` log line read back (by the editor bench): the opening time and each event's offset. */
export interface ParsedTimeline {
  readonly label: string;
  readonly openedAt: number;
  readonly events: readonly { readonly event: string; readonly ms: number }[];
}

export function parseTimeline(line: string): ParsedTimeline | undefined {
  const m = /Lens path of (.+?): opened (\S+?); (.*)$/.exec(line);
  if (!m) return undefined;
  const openedAt = Date.parse(m[2]);
  if (Number.isNaN(openedAt)) return undefined;
  const events = m[3].split('; ').flatMap((part) => {
    const e = /^(.*) \+(\d+) ms$/.exec(part);
    return e ? [{ event: e[1], ms: Number(e[2]) }] : [];
  });
  return { label: m[1], openedAt, events };
}

/**
 * Who a lens waited for, from its parsed path (offsets from when the extension host heard of the
 * document): the part the extension controls and the part the editor does. Undefined when the path
 * did not end with an answer from this version's analysis.
 * - `analysedMs`: host has the document → its analysis done (ours).
 * - `editorWaitMs`: the analysis was done but the editor had not yet sent the request it got the
 *   lenses from: its learned CodeLens delay (docs/editor.md, "Why the editor asks late"), including,
 *   after a request answered empty during the cold start, the delay of its next request.
 * - `answerMs`: from that request (or from the analysis, when the request came first and waited for
 *   it) to the answer: the extension host's queue and building the lenses (ours).
 * `analysedMs + editorWaitMs + answerMs` is the whole path to `answeredMs`.
 */
export interface LensShare {
  readonly analysedMs: number;
  readonly editorWaitMs: number;
  readonly answerMs: number;
  /** `analysedMs + answerMs`: what the extension controls. */
  readonly oursMs: number;
  readonly answeredMs: number;
  /** Requests the editor made before the one answered with lenses (cold start: answered at once, empty). */
  readonly earlierRequests: number;
}

export function lensShare(path: ParsedTimeline): LensShare | undefined {
  const last = path.events.at(-1);
  if (!last || last.event !== 'answered') return undefined;
  const before = path.events.slice(0, -1);
  const asks = before.filter((e) => e.event === 'lenses asked');
  const analysed = before.filter((e) => e.event === 'analysed').at(-1);
  const ask = asks.at(-1);
  if (!analysed || !ask) return undefined;
  const ready = Math.max(analysed.ms, ask.ms);
  const answerMs = last.ms - ready;
  const editorWaitMs = Math.max(0, ask.ms - analysed.ms);
  return { analysedMs: analysed.ms, editorWaitMs, answerMs, oursMs: analysed.ms + answerMs, answeredMs: last.ms, earlierRequests: asks.length - 1 };
}

/**
 * When VS Code began activating `extensionId` (epoch ms), from its extension host's log
 * (`remoteexthost.log` / `exthost.log`, info level: `ExtensionService#_doActivateExtension <id>, …`), or
 * undefined. From there VS Code loads the entry and builds the extension context before it calls
 * `activate()`: the editor bench compares that wait with ours (docs/editor.md). Host log lines carry the
 * machine's local time without a zone, as `Date` parses them.
 */
export function activationStartedAt(hostLog: string, extensionId: string): number | undefined {
  const escaped = extensionId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`^(\\d{4}-\\d\\d-\\d\\d) (\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) \\[info\\] ExtensionService#_doActivateExtension ${escaped},`, 'm').exec(hostLog);
  if (!m) return undefined;
  const at = new Date(`${m[1]}T${m[2]}`).getTime();
  return Number.isNaN(at) ? undefined : at;
}
