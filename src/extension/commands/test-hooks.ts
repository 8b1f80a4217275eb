import * as vscode from 'vscode';
import { statusTextForTests } from '../statusbar/item';
import type { CommandFactory } from './types';

/** Test-only: the status bar text (the API offers no way to read another extension's item). */
export const testStatusText: CommandFactory = () => () => statusTextForTests();

/** Test-only: the cached analysis of a document, as the report JSON. */
export const testReport: CommandFactory = (ctx) => async (uri?: unknown) => {
  const target = typeof uri === 'string' ? uri : vscode.window.activeTextEditor?.document.uri.toString();
  const found = target ? await ctx.analysis.siteFor({ uri: target }) : undefined;
  return found?.report;
};
