/**
 * The repository's default model for a request whose model nothing resolved (model-inventory.ts
 * lists what the repository names). The rule, stated so it can be checked by hand:
 *
 * 1. Candidates are the catalog models the repository's runtime code and configuration name that
 *    can serve the call: its vendor's (when the call's SDK says one), and of its kind (an embedding
 *    request takes an embedding model; a chat request a text model, never an embedding, image,
 *    speech or moderation one).
 * 2. A setting of a configuration file wins; then a literal bound to a name that says it is the
 *    default model (`DEFAULT_MODEL = { id: "…" }`, `default_model=…`, `get_recommended_model()`'s return);
 *    then the one named most often in defaults-like places; then the one named most often; then the
 *    first named (path order, then line). The guess says which of these chose it (`why`).
 *
 * It is a guess: the site says so, and its range spans the other candidates and the vendor
 * default (`plausible`), cheapest to dearest. Where no candidate fits, nothing is guessed and the
 * vendor's (or the global) default applies as before.
 */
import type { Catalog } from '../catalog/types';
import type { DetectedCall } from '../detect/types';
import type { SourceRef } from '../report/types';
import { repositoryModels, type RepoModel } from './model-inventory';
import type { RepoHints } from './types';
import { vendorOfModelId } from './vendor';

/** How many other repository models a guessed site's range spans at most (the best-ranked ones). */
export const MAX_PLAUSIBLE = 8;

/** Models whose output is not text (images, speech), or that do not generate: never a chat request's guess. */
const NOT_CHAT = /(^|[-.])(tts|image|audio|realtime|transcribe|moderation|embed|embedding)([-.]|$)|^(dall-e|whisper)/i;

/** Provider hints that are another vendor's models behind another endpoint. */
const VENDOR_OF_HINT: Readonly<Record<string, string>> = { azure: 'openai' };

export interface RepositoryGuess {
  readonly model: string;
  readonly at: SourceRef;
  /** `chat model for openai`, `embedding model`: what was guessed, in words. */
  readonly what: string;
  /** Why this candidate and not another, in words (`its name says so: DEFAULT_MODEL.id`, `set in configuration`, `3 defaults-like places`). */
  readonly why: string;
  /** The other candidates, best-ranked first (at most MAX_PLAUSIBLE). */
  readonly others: readonly { readonly model: string; readonly at: SourceRef }[];
}

type Role = 'chat' | 'embedding';

function roleOf(call: Pick<DetectedCall, 'kind'>): Role | undefined {
  if (call.kind === 'embedding') return 'embedding';
  return call.kind === undefined ? 'chat' : undefined;
}

function serves(m: RepoModel, role: Role, vendor: string | undefined): boolean {
  const embedding = m.entry.kind === 'embedding';
  if (role === 'embedding' ? !embedding : embedding || NOT_CHAT.test(m.entry.id)) return false;
  if (!vendor) return true;
  const want = VENDOR_OF_HINT[vendor] ?? vendor;
  return m.entry.vendor === want || vendorOfModelId(m.entry.id) === want;
}

/** The repository's models, when the hints can list them (a repository scan). */
function modelsOf(repo: RepoHints | undefined, catalog: Catalog): readonly RepoModel[] {
  if (!repo?.store) return [];
  return repositoryModels(repo.store, catalog, (p) => (repo.scopeOf ? repo.scopeOf(p) : 'runtime') === 'runtime');
}

/** The repository's default model for a call of `vendor` whose model nothing resolved; undefined when the repository names none that fits. */
export function repositoryDefault(repo: RepoHints | undefined, catalog: Catalog, call: Pick<DetectedCall, 'kind'>, vendor: string | undefined): RepositoryGuess | undefined {
  const role = roleOf(call);
  if (!role) return undefined;
  const fitting = modelsOf(repo, catalog).filter((m) => serves(m, role, vendor));
  if (!fitting.length) return undefined;
  const [best, ...rest] = fitting;
  return {
    model: best.entry.id,
    at: best.at,
    what: `${role} model${vendor ? ` for ${vendor}` : ''}`,
    why: reasonOf(best, rest[0]),
    others: rest.slice(0, MAX_PLAUSIBLE).map((m) => ({ model: m.entry.id, at: m.at })),
  };
}


/** What set the winner apart from the runner-up, the first rank where they differ. */
function reasonOf(best: RepoModel, next: RepoModel | undefined): string {
  const times = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
  if (best.configured && best.configured !== next?.configured) return `set in configuration${best.key ? ` (${best.key})` : ''}`;
  if (best.named && best.named !== next?.named) return `its name says so: ${best.key ?? 'a default'}`;
  if (best.defaults && best.defaults !== next?.defaults) return times(best.defaults, 'defaults-like place');
  if (next && best.count !== next.count) return times(best.count, 'mention');
  return next ? 'named first' : 'the only one it names';
}
