/**
 * Configuration files of the repository (YAML, JSON, TOML, `.env` examples) as plain
 * data, for model ids the code reads from them. Parsing never throws: a file that
 * does not parse is left out.
 */
import { parse as parseYaml } from 'yaml';

export interface ConfigDoc {
  readonly path: string;
  readonly data: unknown;
  readonly text: string;
}

const CONFIG_FILE = /\.(ya?ml|json|toml)$|(^|\/)\.env(\.[\w-]+)?$/i;
const NOT_CONFIG = /(^|\/)(package-lock\.json|package\.json|tsconfig[\w.-]*\.json|pnpm-lock\.yaml|yarn\.lock|\.eslintrc[\w.]*|composer\.json|renovate\.json|\.pre-commit-config\.yaml)$|(^|\/)(\.github|node_modules|\.vscode)\//i;

/** Whether the repository pass reads this path as configuration. */
export function isConfigPath(path: string): boolean {
  return CONFIG_FILE.test(path) && !NOT_CONFIG.test(path);
}

export function parseConfig(path: string, text: string): ConfigDoc | undefined {
  try {
    if (/\.json$/i.test(path)) return { path, data: JSON.parse(text), text };
    if (/\.ya?ml$/i.test(path)) return { path, data: parseYaml(text, { uniqueKeys: false, logLevel: 'silent' }), text };
    if (/\.toml$/i.test(path)) return { path, data: parseToml(text), text };
    return { path, data: parseDotenv(text), text };
  } catch {
    return undefined;
  }
}

/** 1-based line where a key is written, for `at`. */
export function keyLine(doc: ConfigDoc, key: string): number {
  const re = new RegExp(`^\\s*["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*[:=]`);
  const lines = doc.text.split('\n');
  const i = lines.findIndex((l) => re.test(l));
  return i >= 0 ? i + 1 : 1;
}

/** `[section.sub]` tables and `key = "string" | number | bool`; arrays and inline tables are skipped. */
function parseToml(text: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let table = root;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (!line || line.startsWith('#')) continue;
    const section = /^\[+([^\]]+)\]+$/.exec(line);
    if (section) {
      table = root;
      for (const part of section[1].split('.').map((p) => p.trim().replace(/^"|"$/g, ''))) {
        const next = table[part];
        table = (table[part] = next && typeof next === 'object' ? next : {}) as Record<string, unknown>;
      }
      continue;
    }
    const kv = /^([\w.-]+|"[^"]+")\s*=\s*(.+)$/.exec(line);
    if (!kv) continue;
    const key = kv[1].replace(/^"|"$/g, '');
    const value = kv[2].trim();
    const str = /^"(.*)"$|^'(.*)'$/.exec(value);
    if (str) table[key] = str[1] ?? str[2];
    else if (/^-?\d+(\.\d+)?$/.test(value)) table[key] = Number(value);
    else if (value === 'true' || value === 'false') table[key] = value === 'true';
  }
  return root;
}

function parseDotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][\w]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (m && m[2] !== '') out[m[1]] = m[2].replace(/^["']|["']$/g, '').replace(/\s+#.*$/, '');
  }
  return out;
}
