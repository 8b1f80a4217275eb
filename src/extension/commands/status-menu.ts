import * as vscode from 'vscode';
import { COMPARE_PROVIDERS_COMMAND, PICK_MODEL_COMMAND, SHOW_LOG_COMMAND, SHOW_REPORT_COMMAND } from './ids';
import type { CommandFactory } from './types';

/** The status bar's click: compare, pick the default model, open the cost report, show the log. */
export const statusMenu: CommandFactory = (ctx) => async () => {
  const defaultModel = ctx.config.settings(vscode.window.activeTextEditor?.document.uri).assumptions.defaultModel;
  const items = [
    { label: '$(graph) Compare providers', description: 'for the selection or the site under the cursor', command: COMPARE_PROVIDERS_COMMAND },
    { label: '$(symbol-number) Pick default model…', description: `now ${defaultModel}`, command: PICK_MODEL_COMMAND },
    { label: '$(list-ordered) Show cost report', description: 'every site of the workspace', command: SHOW_REPORT_COMMAND },
    { label: '$(output) Show log', command: SHOW_LOG_COMMAND },
  ];
  const choice = await vscode.window.showQuickPick(items, { title: 'Tokenomics' });
  return choice ? vscode.commands.executeCommand(choice.command) : undefined;
};

/** Reveals the Cost report view in the Tokenomics sidebar. */
export const showReport: CommandFactory = () => async () => vscode.commands.executeCommand('tokenomics.report.focus');
