/**
 * Printing and saving the rule census (census.ts): one table row per tag, a summary per kind of rule,
 * and `bench/results/repos-census.json` (bench/results/ is not committed; docs/repos.md keeps the table).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CALL_RULES, LOOP_RULES } from '../../src/core/detect/rule-tags';
import { summarizeKinds, type Census, type GroupFigures, type RepoCensus } from './census';

const pair = (g: GroupFigures): string => `${g.tuning}/${g['held-out']}`;

/** What a row's tag means, from the rule table where it has an entry. */
function aboutOf(dimension: string, tag: string): string {
  if (dimension === 'call' && tag in CALL_RULES) return CALL_RULES[tag as keyof typeof CALL_RULES].about;
  if (dimension === 'loop' && tag in LOOP_RULES) return LOOP_RULES[tag as keyof typeof LOOP_RULES].about;
  return '';
}

export function printCensus(census: Census, log: (s: string) => void): void {
  log(`\nRule census: ${census.repos.tuning} repositories tuned on from the start / ${census.repos['held-out']} held out at first sight (figures are "tuning/held-out")`);
  log(`${'what'.padEnd(7)} ${'tag'.padEnd(30)} ${'kind'.padEnd(19)} ${'fired on'.padStart(9)} ${'right on'.padStart(9)} ${'right'.padStart(9)} ${'wrong'.padStart(9)} ${'wrong on'.padStart(9)}  right on sets`);
  for (const r of census.rows) {
    log(`${r.dimension.padEnd(7)} ${r.tag.padEnd(30)} ${r.kind.padEnd(19)} ${pair(r.firedRepos).padStart(9)} ${pair(r.rightRepos).padStart(9)} ${pair(r.right).padStart(9)} ${pair(r.wrong).padStart(9)} ${pair(r.wrongRepos).padStart(9)}  ${r.rightSets.join(' ')}`);
  }
  log(`labels no report was found at: calls ${census.misses.calls}, loops ${census.misses.loops}, prompts ${census.misses.prompts} (no rule to credit)`);
  log('\nPer kind of rule (tags that matched labels on ≥5 repositories / on one):');
  for (const k of summarizeKinds(census)) log(`  ${k.dimension.padEnd(7)} ${k.kind.padEnd(19)} ${String(k.tags).padStart(3)} tags, ${k.wideTags} wide, ${k.singleRepoTags} on one repo; right ${k.right}, wrong ${k.wrong}`);
}

/** Markdown table of the census, for docs/repos.md. */
export function censusMarkdown(census: Census): string {
  const lines = ['| what | tag | kind | fired on (repos) | right on (repos) | right | wrong | wrong on (repos) | right on sets |', '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |'];
  for (const r of census.rows) lines.push(`| ${r.dimension} | ${r.tag} | ${r.kind} | ${pair(r.firedRepos)} | ${pair(r.rightRepos)} | ${pair(r.right)} | ${pair(r.wrong)} | ${pair(r.wrongRepos)} | ${r.rightSets.join(' ')} |`);
  return lines.join('\n');
}

function git(root: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** Writes bench/results/repos-census.json (and the table as repos-census.md); returns the JSON's path. */
export function writeCensus(root: string, census: Census, repos: readonly RepoCensus[]): string {
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'repos-census.json');
  const rows = census.rows.map((r) => ({ ...r, about: aboutOf(r.dimension, r.tag) || undefined }));
  const body = { measuredAt: new Date().toISOString(), tokenomicsCommit: git(root, ['rev-parse', 'HEAD']), repos: census.repos, misses: census.misses, kinds: summarizeKinds(census), rows, perRepo: repos };
  writeFileSync(path, JSON.stringify(body, null, 2) + '\n');
  writeFileSync(join(dir, 'repos-census.md'), censusMarkdown(census) + '\n');
  return path;
}
