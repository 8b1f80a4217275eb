import * as vscode from 'vscode';
import { WorkspaceImports } from '../../node/workspace-imports';

/** Files a dotted Python module may be: a handful is enough to find the one that declares the name. */
const MAX_SUFFIX_MATCHES = 5;

/** One `WorkspaceImports` per workspace folder, reading files through `workspace.fs` (open editors' text first). */
export class FolderImports {
  private readonly byFolder = new Map<string, WorkspaceImports>();

  for(document: vscode.TextDocument): WorkspaceImports | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (!folder) return undefined;
    const key = folder.uri.toString();
    let imports = this.byFolder.get(key);
    if (!imports) this.byFolder.set(key, (imports = new WorkspaceImports(filesOf(folder))));
    return imports;
  }
}

function filesOf(folder: vscode.WorkspaceFolder) {
  return {
    async read(path: string): Promise<string | undefined> {
      const uri = vscode.Uri.joinPath(folder.uri, ...path.split('/'));
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (open) return open.getText();
      try {
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        return undefined;
      }
    },
    async findBySuffix(suffix: string): Promise<readonly string[]> {
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, `**/${suffix}`), '**/node_modules/**', MAX_SUFFIX_MATCHES);
      return found.map((uri) => vscode.workspace.asRelativePath(uri, false));
    },
  };
}
