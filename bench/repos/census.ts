/**
 * The rule census (`npm run bench:repos -- --census`): for each provenance tag (census-tags.ts), on how
 * many repositories a site it produced matched a label, and how many wrong reports it made (extra
 * reports, traps taken, wrong models / bounds), split by the role each repository had at first sight:
 * `tuning` (labeled and tuned on from the start) or `held-out` (first measured before any rule was
 * written for it). A rule that fires only on the repositories it was written from does not generalise.
 *
 * Counting, per repository, from the scorer's outcomes (score.ts `ReportOutcome`):
 * - `right` outcome: every tag of the site counts one right.
 * - `wrong` outcome (at a label's place, wrong model or bound): the model / bound tag counts one wrong,
 *   the tags that found the site count one right.
 * - `extra` / `trap`: the tags that found the site count one wrong (its model or bound says nothing then).
 * - `optional`: nothing.
 * `fired`: sites with the tag anywhere in the repository's runtime scope, labeled files or not.
 */
import type { FileReport } from '../../src/core/report/types';
import type { CorpusRepo, LabelKind } from './labels';
import type { FileScore, ReportOutcome } from './score';
import { callTags, loopTags, promptTags, type CensusKind, type SiteTag, type TagDimension } from './census-tags';

export type CensusGroup = 'tuning' | 'held-out';

export interface TagTally {
  readonly dimension: TagDimension;
  readonly tag: string;
  readonly kind: CensusKind;
  fired: number;
  right: number;
  wrong: number;
}

export interface RepoCensus {
  readonly repo: string;
  /** The role the repository had when first measured (`firstSightRole`, else its role). */
  readonly group: CensusGroup;
  /** Which first-sight set it came in (firstSightSets): 0 tuning from the start, 1, 2, … each held-out set in turn. */
  readonly set?: number;
  readonly tags: Record<string, TagTally>;
  /** Labels no report was found at, per kind (no rule to credit or blame). */
  readonly misses: Record<LabelKind, number>;
  /** Prompt reasons no census rule classifies (to extend census-tags.ts). */
  readonly unclassified: readonly string[];
}

export interface GroupFigures {
  readonly tuning: number;
  readonly 'held-out': number;
}

export interface CensusRow {
  readonly dimension: TagDimension;
  readonly tag: string;
  readonly kind: CensusKind;
  /** Repositories where the tag produced at least one site (runtime scope). */
  readonly firedRepos: GroupFigures;
  /** Repositories where it produced at least one site that matched a label. */
  readonly rightRepos: GroupFigures;
  readonly right: GroupFigures;
  /** Wrong reports: extra, traps taken, wrong model / bound. */
  readonly wrong: GroupFigures;
  readonly wrongRepos: GroupFigures;
  /** The first-sight sets (firstSightSets) of the repositories where it matched a label. */
  readonly rightSets: readonly number[];
}

export interface Census {
  readonly repos: GroupFigures;
  readonly rows: readonly CensusRow[];
  readonly misses: Record<LabelKind, number>;
}

const key = (t: SiteTag): string => `${t.dimension}|${t.tag}`;
/** Dimensions that say how a site was found; `model` and `bound` say how its model or bound was resolved. */
const FOUND_BY: ReadonlySet<TagDimension> = new Set(['call', 'site', 'loop', 'prompt']);
const RANK: Record<ReportOutcome['outcome'], number> = { right: 4, wrong: 3, optional: 2, trap: 1, extra: 0 };

export function groupOf(entry: Pick<CorpusRepo, 'role' | 'firstSightRole'>): CensusGroup {
  return entry.firstSightRole ?? entry.role;
}

function tagsOf(file: FileReport, kind: LabelKind, id: string): SiteTag[] | undefined {
  if (kind === 'calls') {
    const c = file.calls.find((x) => x.id === id);
    return c && callTags(c, file.path);
  }
  if (kind === 'loops') {
    const l = file.agentLoops.find((x) => x.id === id);
    return l && loopTags(l);
  }
  const p = file.prompts.find((x) => x.id === id);
  return p && promptTags(p);
}

/** One repository's tallies, from its scanned files and the scores of its labeled files. */
export function censusOfRepo(entry: Pick<CorpusRepo, 'repo' | 'role' | 'firstSightRole'>, files: readonly FileReport[], scores: readonly FileScore[], set?: number): RepoCensus {
  const tags: Record<string, TagTally> = {};
  const tally = (t: SiteTag): TagTally => (tags[key(t)] ??= { dimension: t.dimension, tag: t.tag, kind: t.kind, fired: 0, right: 0, wrong: 0 });
  const unclassified = new Set<string>();
  const byPath = new Map(files.map((f) => [f.path, f]));
  for (const f of files) {
    if (f.scope && f.scope !== 'runtime') continue;
    for (const c of f.calls) if (c.role !== 'binding') for (const t of callTags(c, f.path)) tally(t).fired++;
    for (const l of f.agentLoops) for (const t of loopTags(l)) tally(t).fired++;
    for (const p of f.prompts) {
      for (const t of promptTags(p)) tally(t).fired++;
      if (promptTags(p)[0].tag === 'other-reason' && p.reason) unclassified.add(p.reason);
    }
  }
  // A loaded prompt file can be credited by several labels: each reported item counts once, at its best outcome.
  const best = new Map<string, ReportOutcome>();
  for (const o of scores.flatMap((s) => s.outcomes)) {
    const k = `${o.kind}|${o.path}|${o.id}`;
    const had = best.get(k);
    if (!had || RANK[o.outcome] > RANK[had.outcome]) best.set(k, o);
  }
  for (const o of best.values()) {
    const file = byPath.get(o.path);
    const siteTags = file && tagsOf(file, o.kind, o.id);
    if (!siteTags || o.outcome === 'optional') continue;
    for (const t of siteTags) {
      const found = FOUND_BY.has(t.dimension);
      if (o.outcome === 'right' || (o.outcome === 'wrong' && found)) tally(t).right++;
      else if (o.outcome === 'wrong' || found) tally(t).wrong++;
    }
  }
  const misses = { prompts: 0, calls: 0, loops: 0 };
  for (const s of scores) for (const k of Object.keys(misses) as LabelKind[]) if (s.kinds[k]) misses[k] += s.kinds[k]!.expected - s.kinds[k]!.located;
  return { repo: entry.repo, group: groupOf(entry), ...(set !== undefined ? { set } : {}), tags, misses, unclassified: [...unclassified].sort() };
}

/**
 * The set each repository came in, from its first-sight entry: 0 for repositories tuned on from the start,
 * then 1, 2, … for the held-out sets in the order they were measured (a set's entries are recorded together;
 * a gap of more than `gapMs` between held-out entries starts the next set).
 */
export function firstSightSets(entries: readonly { readonly repo: string; readonly role: CensusGroup; readonly measuredAt: string }[], gapMs = 60 * 60 * 1000): Map<string, number> {
  const sets = new Map<string, number>();
  for (const e of entries) if (e.role === 'tuning') sets.set(e.repo, 0);
  const heldOut = entries.filter((e) => e.role === 'held-out').sort((a, b) => Date.parse(a.measuredAt) - Date.parse(b.measuredAt));
  let set = 0;
  let last = -Infinity;
  for (const e of heldOut) {
    const at = Date.parse(e.measuredAt);
    if (at - last > gapMs) set++;
    last = at;
    sets.set(e.repo, set);
  }
  return sets;
}

const zero = (): { tuning: number; 'held-out': number } => ({ tuning: 0, 'held-out': 0 });

/** All repositories' tallies put together, one row per tag. */
export function summarizeCensus(repos: readonly RepoCensus[]): Census {
  const rows = new Map<string, { dimension: TagDimension; tag: string; kind: CensusKind; firedRepos: GroupFigures; rightRepos: GroupFigures; right: GroupFigures; wrong: GroupFigures; wrongRepos: GroupFigures; rightSets: number[] }>();
  const count = zero();
  const misses = { prompts: 0, calls: 0, loops: 0 };
  for (const r of repos) {
    count[r.group]++;
    for (const k of Object.keys(misses) as LabelKind[]) misses[k] += r.misses[k];
    for (const [k, t] of Object.entries(r.tags)) {
      const row = rows.get(k) ?? { dimension: t.dimension, tag: t.tag, kind: t.kind, firedRepos: zero(), rightRepos: zero(), right: zero(), wrong: zero(), wrongRepos: zero(), rightSets: [] };
      rows.set(k, row);
      const add = (into: GroupFigures, n: number): void => void ((into as { tuning: number; 'held-out': number })[r.group] += n);
      add(row.firedRepos, t.fired > 0 ? 1 : 0);
      add(row.rightRepos, t.right > 0 ? 1 : 0);
      add(row.right, t.right);
      add(row.wrong, t.wrong);
      add(row.wrongRepos, t.wrong > 0 ? 1 : 0);
      if (t.right > 0 && r.set !== undefined && !row.rightSets.includes(r.set)) row.rightSets.push(r.set);
    }
  }
  const order: TagDimension[] = ['call', 'model', 'site', 'loop', 'bound', 'prompt'];
  const total = (g: GroupFigures): number => g.tuning + g['held-out'];
  const sorted = [...rows.values()].sort((a, b) => order.indexOf(a.dimension) - order.indexOf(b.dimension) || total(b.rightRepos) - total(a.rightRepos) || total(b.firedRepos) - total(a.firedRepos) || a.tag.localeCompare(b.tag));
  for (const row of sorted) row.rightSets.sort((a, b) => a - b);
  return { repos: count, rows: sorted, misses };
}

export interface KindSummary {
  readonly dimension: TagDimension;
  readonly kind: CensusKind;
  readonly tags: number;
  /** Tags whose sites matched labels on at least `wide` repositories. */
  readonly wideTags: number;
  /** Tags whose sites matched labels on exactly one repository. */
  readonly singleRepoTags: number;
  readonly right: number;
  readonly wrong: number;
}

/** Per dimension and kind of rule: how many tags, how many of them reach many repositories or only one. */
export function summarizeKinds(census: Census, wide = 5): KindSummary[] {
  const out = new Map<string, { dimension: TagDimension; kind: CensusKind; tags: number; wideTags: number; singleRepoTags: number; right: number; wrong: number }>();
  for (const row of census.rows) {
    const k = `${row.dimension}|${row.kind}`;
    const s = out.get(k) ?? { dimension: row.dimension, kind: row.kind, tags: 0, wideTags: 0, singleRepoTags: 0, right: 0, wrong: 0 };
    out.set(k, s);
    const repos = row.rightRepos.tuning + row.rightRepos['held-out'];
    s.tags++;
    if (repos >= wide) s.wideTags++;
    if (repos === 1) s.singleRepoTags++;
    s.right += row.right.tuning + row.right['held-out'];
    s.wrong += row.wrong.tuning + row.wrong['held-out'];
  }
  return [...out.values()];
}
