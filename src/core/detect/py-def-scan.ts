/**
 * A light reader of Python module-level functions on the file's text: each undecorated top-level `def`,
 * its signature (with the `Annotated[…]` descriptions of its parameters) and its docstring, by line.
 *
 * The repository pass uses it on modules detection did not parse (a folder of tool functions holds plain
 * modules with no LLM word in them, and parsing every such file of a repository would cost the scan
 * more than it finds). It reads strings and brackets exactly (a `)` or `:` inside a default string does
 * not end a signature) and nothing else of Python.
 */

export interface PyDefScan {
  readonly name: string;
  /** 1-based line of `def`. */
  readonly line: number;
  /** Text of the parameter list, between the parentheses. */
  readonly params: string;
  /** The docstring with its indentation removed (as `inspect.cleandoc` gives it). */
  readonly doc?: string;
  /** 1-based line where the docstring (or the signature, without one) ends. */
  readonly endLine: number;
}

const DEF_LINE = /^(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)[ \t]*\(/gm;
/** Stop after this many functions of one module (a generated file). */
const MAX_DEFS = 400;

/** Top-level functions of a module that have no decorator, in order. */
export function scanTopLevelDefs(text: string): PyDefScan[] {
  const out: PyDefScan[] = [];
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (index: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  DEF_LINE.lastIndex = 0;
  for (let m = DEF_LINE.exec(text); m && out.length < MAX_DEFS; m = DEF_LINE.exec(text)) {
    if (isDecorated(text, m.index)) continue;
    const open = m.index + m[0].length - 1;
    const close = matching(text, open);
    if (close < 0) break;
    const colon = signatureEnd(text, close + 1);
    if (colon < 0) continue;
    const doc = docstringAfter(text, colon + 1);
    out.push({
      name: m[1],
      line: lineOf(m.index),
      params: text.slice(open + 1, close),
      ...(doc ? { doc: cleandoc(doc.body) } : {}),
      endLine: lineOf(doc ? doc.end - 1 : colon),
    });
    DEF_LINE.lastIndex = doc ? doc.end : colon + 1;
  }
  return out;
}

/** The `Annotated[T, …]` descriptions of a parameter list: a written sentence, or `description="…"` of a metadata call. */
export function annotatedDescriptions(params: string, isFrameworkMarker: (callee: string) => boolean): { param: string; text: string }[] {
  const out: { param: string; text: string }[] = [];
  for (const part of splitTopLevel(params, ',')) {
    const m = /^\s*\**([A-Za-z_]\w*)\s*:\s*(?:typing\.|t\.)?Annotated\s*\[/.exec(part);
    if (!m) continue;
    const start = m[0].length - 1;
    const end = matching(part, start);
    if (end < 0) continue;
    const metadata = splitTopLevel(part.slice(start + 1, end), ',').slice(1);
    for (const meta of metadata) {
      const text = metadataDescription(meta.trim(), isFrameworkMarker);
      if (text) {
        out.push({ param: m[1], text });
        break;
      }
    }
  }
  return out;
}

function metadataDescription(meta: string, isFrameworkMarker: (callee: string) => boolean): string | undefined {
  const plain = stringLiteral(meta);
  if (plain !== undefined) return /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(plain) ? plain : undefined;
  const call = /^([A-Za-z_][\w.]*)\s*\(/.exec(meta);
  if (!call || isFrameworkMarker(call[1])) return undefined;
  const args = meta.slice(call[0].length, matching(meta, call[0].length - 1));
  for (const arg of splitTopLevel(args, ',')) {
    const kw = /^\s*description\s*=\s*/.exec(arg);
    const value = kw ? stringLiteral(arg.slice(kw[0].length).trim()) : undefined;
    if (value && /\w/.test(value)) return value;
  }
  return undefined;
}

/** The value of one string literal, or of adjacent ones (`"a" "b"`), parenthesised or not; undefined for anything else. */
function stringLiteral(expr: string): string | undefined {
  let s = expr.trim();
  if (s.startsWith('(') && matching(s, 0) === s.length - 1) s = s.slice(1, -1).trim();
  let out = '';
  let i = 0;
  let any = false;
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i])) i++;
    if (i >= s.length) break;
    const end = stringEnd(s, i);
    if (end < 0) return undefined;
    const lit = s.slice(i, end);
    const q = /^[rRuU]?(?:"""|'''|"|')/.exec(lit);
    if (!q) return undefined;
    out += lit.slice(q[0].length, lit.length - (q[0].length - (/^[rRuU]/.test(q[0]) ? 1 : 0)));
    any = true;
    i = end;
  }
  return any ? out : undefined;
}

/** Whether the statement before `index` (blank lines and comments skipped) is a decorator, one line or several. */
function isDecorated(text: string, index: number): boolean {
  let end = index - 1;
  let closing = false;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const raw = text.slice(start, end);
    const line = raw.trim();
    end = start - 1;
    if (!line || line.startsWith('#')) continue;
    // `@decorator(\n    arg,\n)`: climb to the line at column 0 that opens the statement.
    if (!closing && /^[)\]}]/.test(line)) {
      closing = true;
      continue;
    }
    if (closing && /^\s/.test(raw)) continue;
    return line.startsWith('@');
  }
  return false;
}

/** Index of the bracket closing the one at `open` (strings and comments skipped), or -1. */
function matching(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = stringEnd(text, i);
      if (end < 0) return -1;
      i = end - 1;
    } else if (c === '#') {
      const nl = text.indexOf('\n', i);
      if (nl < 0) return -1;
      i = nl;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Index just past the string literal starting at `i` (at its quote, or at a one-letter prefix), or -1. */
function stringEnd(text: string, i: number): number {
  let q = i;
  if (/[rRuUbBfF]/.test(text[q])) q++;
  const quote = text[q];
  if (quote !== '"' && quote !== "'") return -1;
  const triple = text.startsWith(quote.repeat(3), q);
  const delim = triple ? quote.repeat(3) : quote;
  for (let j = q + delim.length; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text.startsWith(delim, j)) return j + delim.length;
    else if (!triple && text[j] === '\n') return -1;
  }
  return -1;
}

/** The `:` ending a signature after its parameter list (`-> Dict[str, Any]:`), or -1. */
function signatureEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === ':') return i;
    if (c === '(' || c === '[' || c === '{') {
      i = matching(text, i);
      if (i < 0) return -1;
    } else if (c === '\n' && text[i - 1] !== '\\') return -1;
  }
  return -1;
}

/** The docstring that opens a body starting after `from` (the signature's colon). */
function docstringAfter(text: string, from: number): { body: string; end: number } | undefined {
  let i = from;
  while (i < text.length) {
    if (/\s/.test(text[i])) i++;
    else if (text[i] === '#') {
      const nl = text.indexOf('\n', i);
      if (nl < 0) return undefined;
      i = nl + 1;
    } else break;
  }
  const q = /^[rRuU]?("""|'''|"|')/.exec(text.slice(i, i + 4));
  if (!q) return undefined;
  const end = stringEnd(text, i);
  if (end < 0) return undefined;
  return { body: text.slice(i + q[0].length, end - q[1].length), end };
}

/** `inspect.cleandoc`: the first line stripped, the common indentation of the others removed, blank edges dropped. */
function cleandoc(doc: string): string {
  const lines = doc.replace(/\t/g, '        ').split('\n');
  const rest = lines.slice(1).filter((l) => l.trim());
  const indent = rest.length ? Math.min(...rest.map((l) => l.length - l.trimStart().length)) : 0;
  const out = [lines[0].trim(), ...lines.slice(1).map((l) => l.slice(indent).trimEnd())];
  while (out.length && !out[0]) out.shift();
  while (out.length && !out[out.length - 1]) out.pop();
  return out.join('\n');
}

/** Pieces of `text` separated by `sep` outside brackets and strings. */
function splitTopLevel(text: string, sep: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = stringEnd(text, i);
      if (end < 0) break;
      i = end - 1;
    } else if (c === '#') {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
    } else if (c === '(' || c === '[' || c === '{') {
      const end = matching(text, i);
      if (end < 0) break;
      i = end;
    } else if (c === sep) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.filter((p) => p.trim());
}
