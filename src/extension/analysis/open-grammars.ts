import * as vscode from 'vscode';
import { classifyPath } from '../../core/detect/language';
import type { Grammar } from '../../core/detect/parser';
import { DOCUMENT_SELECTOR } from '../selector';

/**
 * The grammars of the open documents the extension analyses (the one that activated it among them).
 * Small on purpose (no analysis code): the extension's entry (src/extension.ts) calls it before the
 * main bundle is loaded, to start those grammars' loads first.
 */
export function grammarsOfOpenDocuments(documents: readonly vscode.TextDocument[]): Grammar[] {
  const found = new Set<Grammar>();
  for (const d of documents) {
    if (vscode.languages.match(DOCUMENT_SELECTOR, d) === 0) continue;
    const c = classifyPath(d.uri.path, d.languageId);
    if (c?.type === 'code') found.add(c.grammar);
  }
  return [...found];
}

/** Larger documents are not detected ahead: the host may skip them (tokenomics.maxFileSizeKb, default 1,024 KB). */
const AHEAD_MAX_CHARS = 1024 * 1024;

/**
 * The code documents showing at activation, as the host's analysis will name them (relative path,
 * language, text): the first-analysis worker detects them as soon as it has loaded, before the host
 * has loaded its bundle and asks (first-analysis-client.ts); the host's request then finds the
 * detection done, or under way, for the same text.
 */
export function documentsToDetectAhead(editors: readonly vscode.TextEditor[]): { text: string; path: string; languageId: string }[] {
  const ahead = new Map<string, { text: string; path: string; languageId: string }>();
  for (const { document: d } of editors) {
    if (d.uri.scheme !== 'file' || vscode.languages.match(DOCUMENT_SELECTOR, d) === 0) continue;
    if (classifyPath(d.uri.path, d.languageId)?.type !== 'code') continue;
    const text = d.getText();
    if (text.length <= AHEAD_MAX_CHARS) ahead.set(d.uri.toString(), { text, path: vscode.workspace.asRelativePath(d.uri, false), languageId: d.languageId });
  }
  return [...ahead.values()];
}
