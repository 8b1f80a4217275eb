import * as vscode from 'vscode';
import type { TokenomicsContext } from '../context';
import { compareProviders } from './compare-providers';
import * as ids from './ids';
import { pickModel } from './pick-model';
import { refresh } from './refresh';
import { setAssumption } from './set-assumption';
import { showReport, statusMenu } from './status-menu';
import { showLog } from './show-log';
import { testReport, testStatusText } from './test-hooks';
import type { CommandFactory } from './types';

/** Every command: id → factory. package.json `contributes.commands` declares the same ids (a unit test checks). */
export const COMMANDS: Readonly<Record<string, CommandFactory>> = {
  [ids.SHOW_LOG_COMMAND]: showLog,
  [ids.PICK_MODEL_COMMAND]: pickModel,
  [ids.COMPARE_PROVIDERS_COMMAND]: compareProviders,
  [ids.REFRESH_COMMAND]: refresh,
  [ids.SET_ASSUMPTION_COMMAND]: setAssumption,
  [ids.STATUS_MENU_COMMAND]: statusMenu,
  [ids.SHOW_REPORT_COMMAND]: showReport,
  [ids.TEST_STATUS_TEXT_COMMAND]: testStatusText,
  [ids.TEST_REPORT_COMMAND]: testReport,
};

/** Registers the table for the extension's lifetime; a failing command logs and says one sentence. */
export function registerCommands(ctx: TokenomicsContext): void {
  for (const [id, factory] of Object.entries(COMMANDS)) {
    const handler = factory(ctx);
    ctx.extension.subscriptions.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await handler(...args);
        } catch (err) {
          ctx.log.error(`Command ${id} failed`, err);
          void vscode.window.showErrorMessage(`Tokenomics: ${id.replace('tokenomics.', '')} failed; see the Tokenomics log for details.`);
          return undefined;
        }
      }),
    );
  }
}
