/**
 * A promise's value if it settles within `ms`, else `undefined` (the promise goes on; its value is
 * not lost to whoever else awaits it). Pure, unit-tested.
 *
 * Why the CodeLens provider needs it: VS Code's editor delays every CodeLens request of a file by
 * the moving average of how long earlier requests took (clamped to 250 ms – 62.5 s; code-server
 * 4.139's workbench: `debounce.for(codeLensProvider, 'CodeLensProvide', { min: 250 })`, max min²).
 * A provider that waits seconds for a cold analysis teaches the editor to wait seconds before asking
 * for the lenses of every later file. So the provider answers within a budget and, when the
 * analysis lands later, says its lenses changed.
 */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
