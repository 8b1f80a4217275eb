import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AGENT_SOURCES } from './pathological';

const ROOT = join(__dirname, '..', '..', '..');

/** Real agent sources to mutate: the bundled examples and the labeled corpus, plus our own two. */
export function seedSources(): { path: string; text: string }[] {
  const out = [
    { path: 'seed/agent.ts', text: AGENT_SOURCES.ts },
    { path: 'seed/agent.py', text: AGENT_SOURCES.py },
  ];
  const walk = (dir: string, depth = 0): void => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory() && depth < 6) walk(p, depth + 1);
      else if (/\.(ts|tsx|js|mjs|py)$/.test(name) && st.size < 200_000) out.push({ path: p.slice(ROOT.length + 1), text: readFileSync(p, 'utf8') });
    }
  };
  walk(join(ROOT, 'examples'));
  walk(join(ROOT, 'test', 'corpus', 'files'));
  return out;
}

