/**
 * Where CLI commands get their catalog and assumptions: the bundled catalog,
 * with the custom models and price overrides of `tokenomics.json` (in the
 * working directory, or `--config PATH`) applied, and that file's assumptions
 * (output length, steps of unbounded loops, calls per day…) as defaults under
 * the command's flags. Problems in the file go to stderr, one line each, and the
 * command goes on with the rest — never a crash. Tests can put a hand-written
 * catalog in place of the bundled one so they do not depend on live prices.
 */
import { join, resolve } from 'node:path';
import { getBundledCatalog } from '../core/catalog';
import type { Catalog, CatalogIssue } from '../core/catalog/types';
import type { Environment } from '../core/config/environment';
import type { Assumptions } from '../core/workload';
import { EnvironmentFileError, readEnvironment } from '../node/environment';
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
 * The catalog and assumptions for a command run in `io.cwd`, through the one environment
 * loader (`readEnvironment` → core `loadEnvironment`, as the extension). `configFlag` (a
 * path given with `--config`) must exist; the default `tokenomics.json` is optional.
 */
export function cliSettings(io: CliIo, command: string, configFlag?: string): CliSettings {
  const path = configFlag !== undefined ? resolve(io.cwd, configFlag) : join(io.cwd, 'tokenomics.json');
  const env = cliEnvironment(io, command, path, configFlag !== undefined);
  return { catalog: env.catalog, assumptions: env.assumptions, ...(env.filePath ? { configPath: env.filePath } : {}) };
}

/** The whole environment (config, catalog, assumptions) for `path`; its problems go to stderr, one line each. */
export function cliEnvironment(io: CliIo, command: string, path: string, required: boolean): Environment {
  let env: Environment;
  try {
    env = readEnvironment(cliCatalog(), path, required);
  } catch (err) {
    if (err instanceof EnvironmentFileError) throw new UserError(err.message);
    throw err;
  }
  for (const issue of env.issues) reportIssue(io, command, issue);
  return env;
}
