/**
 * Pairing the sites of two revisions. A head file is compared with the base file
 * it came from (same path, or git's rename). Within a pair of files, sites of
 * the same kind, framework and anchor are paired nearest-first by where git's
 * line changes put the base site in the head, so line shifts and edits elsewhere
 * in the file do not break a pair; sites left over are then paired by kind when
 * they sit within a few lines of each other (a loop rewritten from `for` to
 * `while`, a client renamed). What is still alone was added or removed.
 */
import type { ComparableSite } from './sites';

export interface FilePairing {
  /** The base path of a head file (renames followed); undefined when the file is new. */
  basePathOf(headPath: string): string | undefined;
  /** Where line `baseLine` of the base file is in the head file it became. */
  mapLine(basePath: string, baseLine: number): number;
}

export interface SitePair {
  readonly base?: ComparableSite;
  readonly head?: ComparableSite;
}

/** How far apart (after mapping) two sites of the same kind but different anchors may be and still pair. */
const LOOSE_DISTANCE = 3;

function groupByPath(sites: readonly ComparableSite[]): Map<string, ComparableSite[]> {
  const out = new Map<string, ComparableSite[]>();
  for (const s of sites) {
    const list = out.get(s.path) ?? [];
    list.push(s);
    out.set(s.path, list);
  }
  return out;
}

function pairNearest(
  bases: ComparableSite[],
  heads: ComparableSite[],
  mapped: Map<ComparableSite, number>,
  compatible: (b: ComparableSite, h: ComparableSite) => boolean,
  maxDistance: number,
): SitePair[] {
  const candidates: { b: ComparableSite; h: ComparableSite; d: number }[] = [];
  for (const b of bases) {
    for (const h of heads) {
      if (!compatible(b, h)) continue;
      const d = Math.abs(mapped.get(b)! - h.line);
      if (d <= maxDistance) candidates.push({ b, h, d });
    }
  }
  candidates.sort((x, y) => x.d - y.d || x.h.line - y.h.line || x.b.line - y.b.line);
  const usedB = new Set<ComparableSite>();
  const usedH = new Set<ComparableSite>();
  const pairs: SitePair[] = [];
  for (const c of candidates) {
    if (usedB.has(c.b) || usedH.has(c.h)) continue;
    usedB.add(c.b);
    usedH.add(c.h);
    pairs.push({ base: c.b, head: c.h });
  }
  bases.splice(0, bases.length, ...bases.filter((b) => !usedB.has(b)));
  heads.splice(0, heads.length, ...heads.filter((h) => !usedH.has(h)));
  return pairs;
}

export function matchSites(base: readonly ComparableSite[], head: readonly ComparableSite[], pairing: FilePairing): SitePair[] {
  const baseByPath = groupByPath(base);
  const headByPath = groupByPath(head);
  const pairs: SitePair[] = [];
  const claimed = new Set<string>();
  for (const [headPath, headSites] of headByPath) {
    const basePath = pairing.basePathOf(headPath);
    const baseSites = basePath !== undefined && !claimed.has(basePath) ? [...(baseByPath.get(basePath) ?? [])] : [];
    if (basePath !== undefined) claimed.add(basePath);
    const mapped = new Map(baseSites.map((b) => [b, pairing.mapLine(b.path, b.line)] as const));
    const heads = [...headSites];
    pairs.push(...pairNearest(baseSites, heads, mapped, (b, h) => b.kind === h.kind && b.framework === h.framework && b.anchor === h.anchor, Number.POSITIVE_INFINITY));
    pairs.push(...pairNearest(baseSites, heads, mapped, (b, h) => b.kind === h.kind, LOOSE_DISTANCE));
    for (const b of baseSites) pairs.push({ base: b });
    for (const h of heads) pairs.push({ head: h });
  }
  for (const [basePath, baseSites] of baseByPath) {
    if (claimed.has(basePath)) continue;
    for (const b of baseSites) pairs.push({ base: b });
  }
  return pairs;
}
