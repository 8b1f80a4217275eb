/**
 * A configuration file read from the user's config directory (`platformdirs.user_config_dir("app") / "profiles" /
 * "default.yaml"`, `~/.config/app/config.yaml`) is, by default, the one the application ships and copies there:
 * the repository's file of the same name whose folders include the ones the code names.
 */
import type { Expr } from './facts';

const USER_DIR = /(user_config_dir|user_data_dir|user_config_path|site_config_dir|expanduser|Path\.home|homedir|xdg_config_home|getenv|environ)/;

/** Whether a path expression starts from a per-user directory. */
export function fromUserDir(e: Expr): boolean {
  if (e.k === 'path') return e.parts.some(fromUserDir);
  if (e.k === 'call') return USER_DIR.test(e.text);
  if (e.k === 'str') return /^~\//.test(e.v);
  return false;
}

/** The shipped file standing for `rel` (`profiles/default.yaml`): same name, every named folder in its path; the shortest. */
export function shippedFile(rel: string, paths: Iterable<string>): string | undefined {
  const parts = rel.replace(/^~\//, '').split('/').filter(Boolean);
  const name = parts.pop();
  if (!name || !/\.(ya?ml|json|toml)$/i.test(name)) return undefined;
  let best: string | undefined;
  for (const p of paths) {
    const segments = p.split('/');
    if (segments[segments.length - 1] !== name || /(^|\/)(tests?|examples?|docs?)\//.test(p)) continue;
    if (!parts.every((dir) => segments.slice(0, -1).includes(dir))) continue;
    if (!best || p.length < best.length) best = p;
  }
  return best;
}
