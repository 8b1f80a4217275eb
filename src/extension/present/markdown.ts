/**
 * Markdown building blocks for hovers. Everything that comes from the user's
 * code (prompt text, model names as written, placeholder names) goes through
 * `escapeMarkdown` or `codeBlock`, so that hostile text such as
 * `<img src=x onerror=…>` or `[x](command:…)` renders as plain characters.
 * Pure: no `vscode` import, so unit tests run it under plain Node.
 */

/** Backslash-escapes Markdown punctuation and entity-encodes HTML-significant characters. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+\-.!|~:]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, ' ');
}

/**
 * A fenced code block whose fence is longer than any backtick run inside, so
 * the text cannot close it. Code blocks render their content verbatim: no
 * links, no HTML.
 */
export function codeBlock(text: string, language = 'text'): string {
  const longestRun = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

/**
 * A `command:` link to one of our own commands. Arguments are JSON, URI-encoded,
 * with parentheses encoded too so that they cannot end the Markdown link early.
 */
export function commandLink(label: string, commandId: string, args: readonly unknown[]): string {
  const encoded = encodeURIComponent(JSON.stringify(args)).replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `[${escapeMarkdown(label)}](command:${commandId}?${encoded})`;
}
