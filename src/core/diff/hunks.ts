/**
 * What git says changed between two revisions, read from `git diff -M -U0`:
 * for each file of the head, the file it was in the base (renames followed) and
 * the changed line ranges, from which any base line maps to its head line.
 * Pure text parsing: the node layer runs git, this reads its output.
 */

export interface Hunk {
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
}

export interface FileChange {
  /** Repository-relative paths, forward slashes; absent on the side where the file does not exist. */
  readonly basePath?: string;
  readonly headPath?: string;
  readonly hunks: readonly Hunk[];
}

/** git's C-style quoting of unusual paths (`"a\tb"`, octal escapes for non-ASCII bytes). */
function unquote(path: string): string {
  if (!path.startsWith('"')) return path;
  const bytes: number[] = [];
  const body = path.slice(1, -1);
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, b: 8, f: 12, a: 7, v: 11, '"': 34, '\\': 92 };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[++i];
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(simple[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}

function stripPrefix(path: string, prefix: 'a/' | 'b/'): string | undefined {
  if (path === '/dev/null') return undefined;
  const p = unquote(path.replace(/\t$/, ''));
  return p.startsWith(prefix) ? p.slice(prefix.length) : p;
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Parses `git diff -M -U0 --no-color` output into one FileChange per file. */
export function parseUnifiedDiff(text: string): FileChange[] {
  const out: FileChange[] = [];
  let current: { basePath?: string; headPath?: string; hunks: Hunk[] } | undefined;
  const flush = () => {
    if (current && (current.basePath !== undefined || current.headPath !== undefined)) out.push(current);
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('diff --git ')) {
      flush();
      current = { hunks: [] };
      // Paths come again below (---/+++ or rename lines); this header is only a fallback for mode-only or binary changes.
      const m = /^diff --git (?:"a\/(?:[^"\\]|\\.)*"|a\/\S*) (?:"b\/((?:[^"\\]|\\.)*)"|b\/(\S*))$/.exec(line);
      const head = m ? (m[1] !== undefined ? unquote(`"${m[1]}"`) : m[2]) : undefined;
      if (head !== undefined) current.basePath = current.headPath = head;
      continue;
    }
    if (!current) continue;
    if (line.startsWith('rename from ')) current.basePath = unquote(line.slice('rename from '.length));
    else if (line.startsWith('rename to ')) current.headPath = unquote(line.slice('rename to '.length));
    else if (line.startsWith('new file mode')) current.basePath = undefined;
    else if (line.startsWith('deleted file mode')) current.headPath = undefined;
    else if (line.startsWith('--- ')) current.basePath = stripPrefix(line.slice(4), 'a/');
    else if (line.startsWith('+++ ')) current.headPath = stripPrefix(line.slice(4), 'b/');
    else {
      const h = HUNK.exec(line);
      if (h) current.hunks.push({ oldStart: Number(h[1]), oldLines: h[2] === undefined ? 1 : Number(h[2]), newStart: Number(h[3]), newLines: h[4] === undefined ? 1 : Number(h[4]) });
    }
  }
  flush();
  return out;
}

/**
 * Where a base line is in the head: shifted by the lines inserted and removed above it; a line
 * inside a changed range maps to the corresponding line of the replacement (clamped to it).
 */
export function mapLine(hunks: readonly Hunk[], baseLine: number): number {
  let offset = 0;
  for (const h of hunks) {
    if (h.oldLines === 0) {
      // Pure insertion after line oldStart.
      if (baseLine > h.oldStart) offset += h.newLines;
      else break;
      continue;
    }
    if (baseLine < h.oldStart) break;
    if (baseLine >= h.oldStart + h.oldLines) {
      offset += h.newLines - h.oldLines;
      continue;
    }
    return h.newStart + Math.min(baseLine - h.oldStart, Math.max(h.newLines - 1, 0));
  }
  return baseLine + offset;
}
