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
