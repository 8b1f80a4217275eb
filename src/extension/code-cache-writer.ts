/**
 * When the code cache is written (no `vscode`; unit-tested). Writing it (`Script#createCachedData`,
 * code-cache.ts) serialises every function compiled so far on the extension host's thread: 0.24 s
 * and more on these loaded machines, during which a key or a lens request waits. So it never runs on
 * the first lens's path nor on the next files': it waits for the cold start to be over (`after`),
 * then for the host to be quiet for `quietMs` (no document opened or edited, no editor or selection
 * change: `onActivity`), and is written at once on deactivation if no quiet moment came. Written once.
 */
export interface QuietWriteOptions {
  /** Settles when the cold start is over (the first lens answered): the lens's code has been compiled. */
  readonly after: Promise<void>;
  /** How long nothing may happen before the write. */
  readonly quietMs: number;
  /** Subscribes to what counts as activity; returns how to unsubscribe. */
  readonly onActivity: (listener: () => void) => { dispose(): void };
  readonly write: () => void;
}

export interface QuietWriter {
  /** Writes now if it has not been written (the extension is going away). */
  flush(): void;
  /** Stops waiting; nothing is written after this. */
  dispose(): void;
}

export function writeWhenQuiet(options: QuietWriteOptions): QuietWriter {
  let state: 'waiting' | 'counting' | 'done' = 'waiting';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let subscription: { dispose(): void } | undefined;
  const stop = (): void => {
    state = 'done';
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    subscription?.dispose();
    subscription = undefined;
  };
  const write = (): void => {
    if (state === 'done') return;
    stop();
    options.write();
  };
  const restart = (): void => {
    if (state !== 'counting') return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(write, options.quietMs);
    // Never what keeps a process alive (a bench or CLI process that loads the extension exits when its work ends).
    (timer as { unref?: () => void }).unref?.();
  };
  void options.after.then(() => {
    if (state !== 'waiting') return;
    state = 'counting';
    subscription = options.onActivity(restart);
    restart();
  });
  return { flush: write, dispose: stop };
}
