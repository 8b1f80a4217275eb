/**
 * The webview hosts as features of the extension context: the Compare
 * Providers panel (behind `tokenomics.compareProviders`, its serializer for
 * window reloads) and the "Cost report" sidebar view with its title commands.
 *
 * The hosts live for the extension's lifetime (a settings rebuild must not
 * close the user's panel); only the compare hook is re-set on every rebuild.
 */
import * as vscode from 'vscode';
import { COMPARE_VIEW_TYPE } from '../../webview/protocol/compare';
import type { TokenomicsContext } from '../context';
import type { Feature } from '../feature';
import { subjectFor } from './compare/open';
import { ComparePanelHost } from './compare/panel';
import { REPORT_VIEW_ID, ReportViewHost } from './report/provider';

export const REPORT_COMMANDS = {
  refresh: 'tokenomics.report.refresh',
  cancel: 'tokenomics.report.cancel',
  export: 'tokenomics.report.export',
  compareWith: 'tokenomics.report.compareWith',
} as const;

interface Hosts {
  readonly compare: ComparePanelHost;
  readonly report: ReportViewHost;
}

const started = new WeakMap<TokenomicsContext, Hosts>();

function startHosts(ctx: TokenomicsContext): Hosts {
  const existing = started.get(ctx);
  if (existing) return existing;
  const compare = new ComparePanelHost(ctx);
  const report = new ReportViewHost(ctx);
  ctx.extension.subscriptions.push(
    compare,
    report,
    vscode.window.registerWebviewPanelSerializer(COMPARE_VIEW_TYPE, compare),
    vscode.window.registerWebviewViewProvider(REPORT_VIEW_ID, report, { webviewOptions: { retainContextWhenHidden: false } }),
    vscode.commands.registerCommand(REPORT_COMMANDS.refresh, () => report.scan()),
    vscode.commands.registerCommand(REPORT_COMMANDS.cancel, () => report.cancel()),
    vscode.commands.registerCommand(REPORT_COMMANDS.export, () => report.export()),
    // From the view's title bar: a quick pick. From a test or a keybinding: the revision as argument ('' stops).
    vscode.commands.registerCommand(REPORT_COMMANDS.compareWith, (ref?: unknown) => (typeof ref === 'string' ? report.compareWith(ref || undefined) : report.pickRevision())),
  );
  const hosts = { compare, report };
  started.set(ctx, hosts);
  return hosts;
}

export const webviewsFeature: Feature = {
  name: 'webviews',
  activate(ctx, scope) {
    const hosts = startHosts(ctx);
    scope.add(
      ctx.setComparePanel(async (request) => {
        try {
          hosts.compare.open(await subjectFor(ctx, request));
        } catch (err) {
          ctx.log.error('Compare Providers: could not open the panel', err);
          void vscode.window.showErrorMessage('Tokenomics: could not open Compare Providers; see the Tokenomics log.');
        }
      }),
    );
  },
};

export const webviewFeatures: readonly Feature[] = [webviewsFeature];
