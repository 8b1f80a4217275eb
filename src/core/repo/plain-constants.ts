/**
 * Constants of a module that detection did not analyse. A code file that mentions nothing about
 * models (a `constants.py` holding `MAX_EDIT_REFINEMENT_STEPS = 2`) is stored without facts, yet
 * its constants bound loops and pick options elsewhere. Its text is read when an imported name is
 * looked up in it, and only module-level assignments of a literal number or string are taken
 * (`NAME = 2`, `NAME: int = 2`, `export const NAME = 2;`): anything computed is left unknown.
 */
import type { RepoStore } from './store';
import type { Val } from './values';

const CODE_PATH = /\.(py|pyi|ts|tsx|js|jsx|mjs|cjs)$/;
/** A literal number (with `_` separators) or a one-line quoted string. */
const LITERAL = String.raw`(-?\d[\d_]*(?:\.\d+)?|"[^"\\\n]*"|'[^'\\\n]*')`;
const PY_ASSIGN = new RegExp(String.raw`^([A-Za-z_]\w*)\s*(?::\s*[\w.\[\], ]+)?=\s*${LITERAL}\s*(?:#.*)?$`);
const TS_ASSIGN = new RegExp(String.raw`^(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::\s*\w+\s*)?=\s*${LITERAL}\s*;?\s*(?:\/\/.*)?$`);
/** Files larger than this are not searched for constants. */
const MAX_CHARS = 200_000;

type Constants = ReadonlyMap<string, Val>;

/** Per store: the constants found in each file, for the store's current generation. */
const cache = new WeakMap<RepoStore, { generation: number; byPath: Map<string, Constants> }>();

/** The literal a module without facts assigns to `name` at its top level, if any. */
export function plainConstant(store: RepoStore, path: string, name: string): Val | undefined {
  if (!CODE_PATH.test(path) || store.get(path)) return undefined;
  let entry = cache.get(store);
  if (!entry || entry.generation !== store.generation) {
    entry = { generation: store.generation, byPath: new Map() };
    cache.set(store, entry);
  }
  let constants = entry.byPath.get(path);
  if (!constants) {
    const text = store.text(path) ?? store.reader?.(path);
    constants = text !== undefined && text.length <= MAX_CHARS ? moduleConstants(path, text) : new Map();
    entry.byPath.set(path, constants);
  }
  return constants.get(name);
}

/** Module-level literal assignments of a source text; a name assigned twice at the top level is ambiguous and left out. */
export function moduleConstants(path: string, text: string): Map<string, Val> {
  const pattern = /\.pyi?$/.test(path) ? PY_ASSIGN : TS_ASSIGN;
  const out = new Map<string, Val>();
  const twice = new Set<string>();
  const lines = text.split('\n');
  let inDocstring = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    // A Python docstring may show `NAME : int` lines that are no assignment; skip its lines.
    const quotes = (line.match(/"""|'''/g) ?? []).length;
    if (inDocstring || quotes) {
      if (quotes % 2 === 1) inDocstring = !inDocstring;
      continue;
    }
    const m = pattern.exec(line);
    if (!m) continue;
    const [, name, literal] = m;
    if (out.has(name)) twice.add(name);
    const at = { path, line: i + 1 };
    const quoted = /^["']/.test(literal);
    out.set(name, quoted ? { t: 'str', v: literal.slice(1, -1), at, via: 'code' } : { t: 'num', v: Number(literal.replace(/_/g, '')), at, via: 'code' });
  }
  for (const name of twice) out.delete(name);
  return out;
}
