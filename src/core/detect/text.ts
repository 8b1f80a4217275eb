/**
 * Text assembled from code: literal pieces and placeholders for the parts the
 * code fills in at run time (`${diff}`, `{context}`, a variable we cannot read).
 */

export type TextPart = string | { readonly placeholder: string };

export interface TextValue {
  readonly parts: readonly TextPart[];
}

export const EMPTY_TEXT: TextValue = { parts: [] };

export function literal(text: string): TextValue {
  return { parts: text ? [text] : [] };
}

export function placeholder(name: string): TextValue {
  return { parts: [{ placeholder: cleanPlaceholderName(name) }] };
}

export function concat(...values: readonly TextValue[]): TextValue {
  const parts: TextPart[] = [];
  for (const v of values) {
    for (const p of v.parts) {
      const last = parts[parts.length - 1];
      if (typeof p === 'string' && typeof last === 'string') parts[parts.length - 1] = last + p;
      else parts.push(p);
    }
  }
  return { parts };
}

export function join(values: readonly TextValue[], separator: string): TextValue {
  const out: TextValue[] = [];
  values.forEach((v, i) => {
    if (i > 0) out.push(literal(separator));
    out.push(v);
  });
  return concat(...out);
}

/** Applies a string transform to the literal pieces only (dedent, trim). */
export function mapLiterals(value: TextValue, transform: (text: string) => string): TextValue {
  // Join with a marker so that a transform like dedent sees whole lines.
  const MARK = '\u0000';
  const names: string[] = [];
  const flat = value.parts
    .map((p) => {
      if (typeof p === 'string') return p;
      names.push(p.placeholder);
      return MARK;
    })
    .join('');
  const transformed = transform(flat);
  const pieces = transformed.split(MARK);
  const out: TextValue[] = [];
  pieces.forEach((piece, i) => {
    out.push(literal(piece));
    if (i < pieces.length - 1) out.push(placeholder(names[i] ?? 'value'));
  });
  return concat(...out);
}

/** Number of literal characters: a value that is only placeholders is not prompt text. */
export function literalLength(value: TextValue): number {
  let n = 0;
  for (const p of value.parts) if (typeof p === 'string') n += p.trim().length;
  return n;
}

/** Placeholders written inside literal text: `{{ name }}` (mustache/jinja) and `{name}` (format strings). */
const TEMPLATE_PLACEHOLDER = /\{\{\s*[#/^]?\s*([A-Za-z_][\w.]*)[^{}]*\}\}|(?<!\{)\{([A-Za-z_][\w.]*)\}(?!\})/g;

export function templatePlaceholders(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(TEMPLATE_PLACEHOLDER)) {
    const name = m[1] ?? m[2];
    if (name && !['if', 'else', 'each', 'end', 'endif', 'for', 'endfor', 'this', 'role', 'history'].includes(name)) {
      names.push(name);
    }
  }
  return names;
}

export interface RenderedText {
  /** The text with placeholders written `{name}`. */
  readonly text: string;
  /** Text with every placeholder removed: what the tokenizer counts. */
  readonly literalText: string;
  /** Placeholder names, in order of first appearance, deduplicated. */
  readonly placeholders: readonly string[];
}

export function render(value: TextValue): RenderedText {
  let text = '';
  let literalText = '';
  const seen = new Set<string>();
  const placeholders: string[] = [];
  const add = (name: string): void => {
    if (!seen.has(name)) {
      seen.add(name);
      placeholders.push(name);
    }
  };
  for (const p of value.parts) {
    if (typeof p === 'string') {
      text += p;
      for (const name of templatePlaceholders(p)) add(name);
      literalText += p.replace(TEMPLATE_PLACEHOLDER, '');
    } else {
      text += `{${p.placeholder}}`;
      add(p.placeholder);
    }
  }
  return { text, literalText, placeholders };
}

/** Removes the indentation common to all non-blank lines, like Python's textwrap.dedent. */
export function dedent(text: string): string {
  const lines = text.split('\n');
  let common = Infinity;
  for (const line of lines) {
    if (!line.trim()) continue;
    const indent = /^[ \t]*/.exec(line)![0].length;
    if (indent < common) common = indent;
  }
  if (!Number.isFinite(common) || common === 0) return text;
  return lines.map((l) => (l.trim() ? l.slice(common) : l.replace(/^[ \t]+$/, ''))).join('\n');
}

/** `input.diff` → `input.diff`; long or odd expressions become a short readable name. */
export function cleanPlaceholderName(raw: string): string {
  const compact = raw.replace(/\s+/g, '');
  if (/^[\w.$[\]'"]{1,48}$/.test(compact)) return compact.replace(/^self\./, '');
  const ident = /([A-Za-z_$][\w$]*)\s*\)*\s*$/.exec(raw);
  return ident ? ident[1] : 'value';
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', f: '\f', v: '\v' };

/** Decodes a JavaScript/Python escape sequence as written in source. */
export function decodeEscape(seq: string): string {
  const c = seq[1];
  if (c === undefined) return seq;
  if (c in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[c];
  if (c === 'u' || c === 'x' || c === 'U') {
    const hex = seq.slice(2).replace(/[{}]/g, '');
    const code = Number.parseInt(hex, 16);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : seq;
  }
  if (c === '\n' || c === '\r') return '';
  return seq.slice(1);
}

/**
 * One token with no space that is shaped like a name the program uses, not words a model reads: a model id
 * (`qwen2.5-vl-72b-instruct`), a dotted package or module (`operate.models.weights`), a file or MIME type
 * (`best.pt`, `image/png`), a settings key (`code_contests_prompts_solve_direct`). Placeholders count as one
 * segment (`{name}-preview`). A capitalised word or a word with end punctuation (`Continue.`) is not one.
 */
export function isIdLikeText(text: string): boolean {
  const t = text.trim().replace(/\{[^{}]*\}/g, 'x');
  return /^[\w@+]+(?:[./-][\w@+]+)+$/.test(t) || /^[A-Za-z]\w*_\w+$/.test(t);
}
