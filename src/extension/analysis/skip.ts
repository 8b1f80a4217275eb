import picomatch from 'picomatch';

/** Compiled matchers per exclude list (the list object lives as long as the settings that hold it). */
const matchers = new WeakMap<readonly string[], (path: string) => boolean>();

function matcherFor(exclude: readonly string[]): (path: string) => boolean {
  let m = matchers.get(exclude);
  if (!m) matchers.set(exclude, (m = picomatch([...exclude], { dot: true })));
  return m;
}

/** Why a document is not analysed (settings `exclude`, `maxFileSizeKb`), or undefined when it is. Pure. */
export function skipReason(relativePath: string, textLength: number, exclude: readonly string[], maxFileSizeKb: number): string | undefined {
  if (exclude.length > 0 && matcherFor(exclude)(relativePath)) return 'matches tokenomics.exclude';
  if (textLength > maxFileSizeKb * 1024) return `larger than tokenomics.maxFileSizeKb (${maxFileSizeKb} KB)`;
  return undefined;
}
