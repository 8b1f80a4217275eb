/** Helpers the memory benches share: megabytes to one decimal, and a settled heap before a reading. */

export const mb = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10;

/** Collect garbage (the benches run with --expose-gc) a few times, letting finalizers run in between. */
export async function settle(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 50));
  }
}
