/**
 * Helpers for the extension-host suite: fixture paths, activation, and
 * polling with a deadline (never a fixed sleep).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'tokenomics-dev.tokenomics';

/** test/fixtures/workspace, from out/test/integration. */
export const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspace');

export function fixtureUri(name: string): vscode.Uri {
  return vscode.Uri.file(path.join(FIXTURES, name));
}

export async function activate(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this host`);
  await ext.activate();
}

export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs` with `what`. */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The position of the first occurrence of `needle` in the document (plus `offset` characters). */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const at = document.getText().indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not found in ${document.uri.fsPath}`);
  return document.positionAt(at + offset);
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

export async function tokenomicsHover(document: vscode.TextDocument, position: vscode.Position): Promise<string | undefined> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  const text = hoverText(hovers ?? []);
  return text.includes('Tokenomics') ? text : undefined;
}

export async function lensTitles(document: vscode.TextDocument): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100);
  return (lenses ?? []).map((l) => l.command?.title ?? '').filter((t) => t.length > 0);
}

export function tokenomicsDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Tokenomics');
}

export function codeValue(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

/** Sets a user-level setting and returns a function that restores the previous value. */
export async function setSetting(key: string, value: unknown): Promise<() => Promise<void>> {
  const section = vscode.workspace.getConfiguration('tokenomics');
  const previous = section.inspect(key)?.globalValue;
  await section.update(key, value, vscode.ConfigurationTarget.Global);
  return async () => {
    await vscode.workspace.getConfiguration('tokenomics').update(key, previous, vscode.ConfigurationTarget.Global);
  };
}

/**
 * Quick fixes for a range, asked again until one matches: a request made while the
 * document's analysis is being recomputed can be cancelled and come back empty.
 */
export async function waitForCodeActions(uri: vscode.Uri, range: vscode.Range, wanted: (a: vscode.CodeAction) => boolean, what: string): Promise<vscode.CodeAction[]> {
  let seen: string[] = [];
  try {
    return await waitFor(async () => {
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
      seen = actions.map((a) => a.title);
      return actions.some(wanted) ? actions : undefined;
    }, what);
  } catch (err) {
    throw new Error(`${String(err)}; quick fixes offered: ${seen.join(' | ') || 'none'}`);
  }
}

