/**
 * Directories of prompt files the code reads whole and picks from by key: a path the code names
 * (`PREPROMPTS_PATH = Path(__file__).parent / "preprompts"`, `path.join(__dirname, "prompts")`) to a folder
 * holding only text files — extension-less ones included — whose files are read into a mapping
 * (`{name: (dir / name).read_text() for name in os.listdir(dir)}`, a holder class over the folder) and
 * used by name (`preprompts["roadmap"]`). A key read picks the file of that name.
 *
 * A folder is taken only when the code names it, it holds no code, and every file in it is text; a key
 * links a file only when it is that file's name (with or without its extension).
 */
import type { Expr } from './facts';
import { scopeOfPath } from '../report/scope';
import type { RepoStore } from './store';

/** Files a folder of prompts may hold: text with no extension, or a text / template extension. */
const TEXT_FILE = /(^|\/)[^/.]+$|\.(txt|md|prompt|j2|jinja2?|tmpl)$/i;
/** Folders of user-facing or data text, never prompts. */
const NOT_PROMPT_DIR = /(^|\/)(locales?|i18n|translations?|lang|docs?|tests?|fixtures?|examples?|node_modules|\.[^/]+)(\/|$)/i;
const MIN_FILES = 2;
const MAX_FILES = 200;

/** Each prompt file of the code-named text folders, by its name and by its name without extension. */
export function promptDirFiles(store: RepoStore): Map<string, string> {
  const named = namedFolders(store);
  const out = new Map<string, string>();
  if (!named.size) return out;
  const codeDirs = new Set<string>();
  for (const f of store.files()) codeDirs.add(dirOf(f.file.path));
  const byDir = new Map<string, string[]>();
  for (const p of [...store.otherPaths(), ...store.configPaths()]) {
    const d = dirOf(p);
    const list = byDir.get(d);
    if (list) list.push(p);
    else byDir.set(d, [p]);
  }
  for (const [dir, files] of byDir) {
    const base = dir.slice(dir.lastIndexOf('/') + 1);
    if (!named.has(base) || codeDirs.has(dir) || NOT_PROMPT_DIR.test(dir) || scopeOfPath(`${dir}/x`) !== 'runtime') continue;
    if (files.length < MIN_FILES || files.length > MAX_FILES || !files.every((f) => TEXT_FILE.test(f))) continue;
    for (const f of files) {
      const name = f.slice(f.lastIndexOf('/') + 1);
      for (const key of [name, name.replace(/\.[^.]+$/, '')]) {
        const had = out.get(key);
        if (!had || f.length < had.length) out.set(key, f);
      }
    }
  }
  return out;
}

/** Last names of the folder paths the code writes (`… / "preprompts"`, `join(__dirname, "prompts")`). */
function namedFolders(store: RepoStore): Set<string> {
  const out = new Set<string>();
  const visit = (e: Expr | undefined, depth: number): void => {
    if (!e || depth > 4) return;
    if (e.k === 'path') {
      const last = e.parts[e.parts.length - 1];
      if (last?.k === 'str') for (const piece of last.v.split('/')) if (/^[\w-]+$/.test(piece)) out.add(piece);
      for (const p of e.parts) visit(p, depth + 1);
    } else if (e.k === 'or') {
      visit(e.left, depth + 1);
      visit(e.right, depth + 1);
    } else if (e.k === 'env') visit(e.def, depth + 1);
  };
  for (const stored of store.files()) {
    const facts = stored.facts;
    for (const v of Object.values(facts.values)) visit(v, 0);
    for (const fn of facts.functions) {
      for (const p of fn.params) visit(p.default, 0);
      for (const l of Object.values(fn.locals)) visit(l, 0);
    }
    for (const cls of facts.classes) for (const a of Object.values(cls.attrs)) visit(a.expr, 0);
  }
  return out;
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}
