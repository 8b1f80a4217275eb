import * as vscode from 'vscode';
import type { Span } from '../core/report/types';

/** A report span (1-based, end column exclusive) as a VS Code range (0-based). */
export function spanRange(s: Span): vscode.Range {
  const start = new vscode.Position(Math.max(0, s.line - 1), Math.max(0, s.column - 1));
  const end = new vscode.Position(Math.max(0, s.endLine - 1), Math.max(0, s.endColumn - 1));
  return new vscode.Range(start, end.isBefore(start) ? start : end);
}
