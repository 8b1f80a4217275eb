/**
 * "Set an assumption → Model": which model, then where it is written. The quick pick lists the
 * models the repository uses first (the workspace report, the repository index and this file,
 * resolved by the core; catalog ids only, never an identifier), then the whole catalog. Where:
 * an annotation comment above the site (this site only), or, when the site's model is one the
 * tool assumed, the workspace setting that chose it (every such site) — with an Undo.
 */
import * as vscode from 'vscode';
import type { FileReport, ModelSource } from '../../core/report/types';
import type { TokenomicsContext } from '../context';
import { modelItems } from './model-items';
import { mentionsInReport, repositoryModels, type ModelMention } from './repository-models';
import { within } from '../analysis/within';

type ModelPickItem = vscode.QuickPickItem & { readonly modelId?: string };

/** What the site's model is now, and where the tool took it from when the code names none. */
export interface SiteModel {
  readonly current?: string;
  readonly source?: ModelSource;
  /** The SDK's vendor, for a vendor-default model (`tokenomics.defaultModels.<vendor>`). */
  readonly vendor?: string;
}

export type ModelTarget = { readonly kind: 'annotation' } | { readonly kind: 'setting'; readonly key: string; readonly label: string };

/** How long the pick waits for the index's models (answered by the index process) before it opens without them. */
const INDEX_MENTIONS_MS = 1_000;

async function mentionsAround(ctx: TokenomicsContext, uri: vscode.Uri, file: FileReport): Promise<ModelMention[]> {
  const out = mentionsInReport(file);
  out.push(...(ctx.lastWorkspaceModels ?? []));
  const index = ctx.repositories.built(uri);
  if (index) out.push(...((await within(index.modelMentions().catch(() => []), INDEX_MENTIONS_MS)) ?? []));
  return out;
}

export async function pickSiteModel(ctx: TokenomicsContext, uri: vscode.Uri, file: FileReport, site: SiteModel): Promise<string | undefined> {
  const catalog = ctx.catalog.current();
  const found = repositoryModels(await mentionsAround(ctx, uri, file), catalog);
  const inRepo = new Set(found.map((m) => m.id));
  const items: ModelPickItem[] = [
    ...(found.length > 0 ? [{ label: 'Used in this repository', kind: vscode.QuickPickItemKind.Separator }] : []),
    ...found.map((m) => ({
      label: m.id === site.current ? `$(check) ${m.id}` : m.id,
      description: `${m.sites} site${m.sites === 1 ? '' : 's'} · ${m.at.path}:${m.at.line}`,
      modelId: m.id,
    })),
    { label: 'Catalog', kind: vscode.QuickPickItemKind.Separator },
    ...modelItems(catalog, site.current ?? '').filter((m) => !inRepo.has(m.modelId)),
  ];
  const choice = await vscode.window.showQuickPick(items, {
    title: 'Tokenomics: the model this site uses',
    placeHolder: `Now ${site.current ?? 'the default model'}. The repository’s models first, then the catalog; type to search.`,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return choice?.modelId;
}

/** Annotation always; the setting that chose an assumed model as well. */
export async function pickModelTarget(site: SiteModel, model: string): Promise<ModelTarget | undefined> {
  const setting: ModelTarget | undefined =
    site.source?.from === 'vendor-default' && site.vendor
      ? { kind: 'setting', key: `defaultModels.${site.vendor}`, label: `every ${site.vendor} site whose code names no model` }
      : site.source?.from === 'default' || site.source === undefined
        ? { kind: 'setting', key: 'defaultModel', label: 'every site whose code names no model' }
        : undefined;
  if (!setting) return { kind: 'annotation' };
  type Item = vscode.QuickPickItem & { target: ModelTarget };
  const choice = await vscode.window.showQuickPick<Item>(
    [
      { label: 'Annotation above this site', description: `// tokenomics: model=${model}`, detail: 'This site only; an edit you can undo.', target: { kind: 'annotation' } },
      { label: `Workspace setting tokenomics.${setting.key}`, description: model, detail: `For ${setting.label}; Undo is offered afterwards.`, target: setting },
    ],
    { title: `Tokenomics: where to write model ${model}` },
  );
  return choice?.target;
}

/** Writes the workspace setting, logs it and offers to put the previous value back. */
export async function writeModelSetting(ctx: TokenomicsContext, uri: vscode.Uri, key: string, model: string): Promise<boolean> {
  const config = vscode.workspace.getConfiguration('tokenomics', uri);
  const [section, vendor] = key.split('.') as [string, string | undefined];
  const before = config.inspect<unknown>(section)?.workspaceValue;
  const value = vendor ? { ...((config.get<Record<string, string>>(section) ?? {}) as Record<string, string>), [vendor]: model } : model;
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update(section, value, target);
  ctx.log.info(`Set tokenomics.${key}=${model} (${target === vscode.ConfigurationTarget.Workspace ? 'workspace' : 'user'} setting)`);
  void vscode.window.showInformationMessage(`Tokenomics: tokenomics.${key} is now ${model}.`, 'Undo').then(async (answer) => {
    if (answer !== 'Undo') return;
    await config.update(section, before, target);
    ctx.log.info(`Undid tokenomics.${key}=${model}`);
  });
  return true;
}
