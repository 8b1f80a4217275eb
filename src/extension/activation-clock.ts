/**
 * Milliseconds since the extension was activated, for the log lines that say what the first lens of
 * a session waited for (VS Code stamps log lines when they are written, which can be later than
 * when they were logged while the extension host is busy).
 */
let activatedAt = Date.now();

export function markActivated(): void {
  activatedAt = Date.now();
}

export function sinceActivation(): number {
  return Date.now() - activatedAt;
}

/** When the extension was activated (epoch ms): the activation log line states it, for the editor bench. */
export function activatedAtMs(): number {
  return activatedAt;
}
