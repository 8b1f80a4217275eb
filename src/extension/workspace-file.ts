import * as vscode from 'vscode';
import type { CatalogIssue } from '../core/catalog/types';
import type { TokenomicsContext } from './context';
import { getBundledCatalog, parseConfigFile } from './core-api';
import type { Feature } from './feature';

const FILE_NAME = 'tokenomics.json';

function issueDiagnostic(issue: CatalogIssue, readme: vscode.Uri): vscode.Diagnostic {
  const line = Math.max(0, (issue.line ?? 1) - 1);
  const where = issue.path ? `${issue.path}: ` : '';
  const severity = issue.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
  const d = new vscode.Diagnostic(new vscode.Range(line, 0, line, 1000), `${where}${issue.message}`, severity);
  d.source = 'Tokenomics';
  d.code = { value: 'config', target: readme.with({ fragment: 'diagnostic-config' }) };
  return d;
}

/**
 * Reads the workspace `tokenomics.json` (first folder's root) when the
 * workspace is trusted, merges it into the settings, shows its problems on
 * the file itself and in the log, and re-reads it when it changes.
 */
export const workspaceFileFeature: Feature = {
  name: 'workspace-file',
  activate(ctx: TokenomicsContext, scope) {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) return;
    const uri = vscode.Uri.joinPath(folder.uri, FILE_NAME);
    const problems = scope.add(vscode.languages.createDiagnosticCollection('tokenomics-config'));
    const readme = vscode.Uri.joinPath(ctx.extension.extensionUri, 'README.md');
    /** Reads the file; true when what the settings know changed (then the catalog is rebuilt). */
    const load = async (): Promise<boolean> => {
      problems.delete(uri);
      if (!vscode.workspace.isTrusted) {
        ctx.log.warn(`Workspace is not trusted: ${FILE_NAME} and workspace-level custom models and price overrides are ignored.`);
        return ctx.config.setWorkspaceFile(undefined);
      }
      let text: string;
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        return ctx.config.setWorkspaceFile(undefined); // no file: nothing to merge
      }
      const { issues } = parseConfigFile(text, uri.fsPath, getBundledCatalog());
      for (const issue of issues) ctx.log.warn(`${FILE_NAME}${issue.line ? `:${issue.line}` : ''} ${issue.path}: ${issue.message}`);
      problems.set(uri, issues.map((issue) => issueDiagnostic(issue, readme)));
      const changed = ctx.config.setWorkspaceFile({ text, path: uri.fsPath });
      if (changed) ctx.log.info(`Read ${uri.fsPath} (${issues.length} issue${issues.length === 1 ? '' : 's'})`);
      return changed;
    };
    // Only a real change reloads: no "tokenomics.json changed" when there is no file, and no
    // second catalog load at activation (a catalog not built yet is built with the file).
    const reload = (): void => {
      void load().then((changed) => {
        if (changed && ctx.catalog.built) ctx.catalog.reload(`${FILE_NAME} changed`);
        else if (changed) ctx.refresh(`${FILE_NAME} read`);
      });
    };
    const watcher = scope.add(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, FILE_NAME)));
    scope.add(watcher.onDidChange(reload));
    scope.add(watcher.onDidCreate(reload));
    scope.add(watcher.onDidDelete(reload));
    scope.add(vscode.workspace.onDidGrantWorkspaceTrust(reload));
    reload();
  },
};
