/**
 * Where CLI commands get their catalog and assumptions: the bundled catalog,
 * with the custom models and price overrides of `tokenomics.json` (in the
 * working directory, or `--config PATH`) applied, and that file's assumptions
 * (output length, steps of unbounded loops, calls per day…) as defaults under
 * the command's flags. Problems in the file go to stderr, one line each, and the
 * command goes on with the rest — never a crash. Tests can put a hand-written
 * catalog in place of the bundled one so they do not depend on live prices.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { applyOverrides, getBundledCatalog } from '../core/catalog';
import type { Catalog, CatalogIssue } from '../core/catalog/types';
import { parseConfigFile } from '../core/config';
import { configToAssumptions, DEFAULT_CONFIG, type TokenomicsConfig } from '../core/config/types';
import type { Assumptions } from '../core/workload';
import { UserError, type CliIo } from './command';

let override: Catalog | undefined;

/** Tests only: use `catalog` instead of the bundled one until called again with `undefined`. */
export function useCatalogForTests(catalog: Catalog | undefined): void {
  override = catalog;
}

export function cliCatalog(): Catalog {
  return override ?? getBundledCatalog();
}

export interface CliSettings {
  readonly catalog: Catalog;
  readonly assumptions: Assumptions;
  /** The settings file read, if any. */
  readonly configPath?: string;
}

function reportIssue(io: CliIo, command: string, issue: CatalogIssue): void {
  const where = `${issue.origin}${issue.line ? `:${issue.line}` : ''}`;
  io.stderr(`tokenomics ${command}: ${where}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}\n`);
}

/**
 * The catalog and assumptions for a command run in `io.cwd`. `configFlag` (a path
 * given with `--config`) must exist; the default `tokenomics.json` is optional.
 */
export function cliSettings(io: CliIo, command: string, configFlag?: string): CliSettings {
  const base = cliCatalog();
  const path = configFlag !== undefined ? resolve(io.cwd, configFlag) : join(io.cwd, 'tokenomics.json');
  if (!existsSync(path)) {
    if (configFlag !== undefined) throw new UserError(`settings file not found: ${path}`);
    return { catalog: base, assumptions: configToAssumptions(DEFAULT_CONFIG) };
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UserError(`cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = parseConfigFile(text, path, base);
  for (const issue of parsed.issues) reportIssue(io, command, issue);
  const config: TokenomicsConfig = { ...DEFAULT_CONFIG, ...parsed.config };
  const overridden = applyOverrides(base, { customModels: config.customModels, priceOverrides: config.priceOverrides }, path);
  // parseConfigFile already checked the entries against the catalog; report only what it did not.
  const seen = new Set(parsed.issues.map((i) => `${i.path}|${i.message}`));
  for (const issue of overridden.issues) if (!seen.has(`${issue.path}|${issue.message}`)) reportIssue(io, command, issue);
  return { catalog: overridden.catalog, assumptions: configToAssumptions(config), configPath: path };
}
