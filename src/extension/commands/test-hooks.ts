import * as vscode from 'vscode';
import type { CommandFactory } from './types';

/** Test-only: the status bar text (the API offers no way to read another extension's item). */
export const testStatusText: CommandFactory = (ctx) => () => ctx.statusText;

/** Test-only: the cached analysis of a document, as the report JSON. */
export const testReport: CommandFactory = (ctx) => async (uri?: unknown) => {
  const target = typeof uri === 'string' ? uri : vscode.window.activeTextEditor?.document.uri.toString();
  const found = target ? await ctx.analysis.siteFor({ uri: target }) : undefined;
  return found?.report;
};
