/**
 * Small runtime checks shared by the protocol files. Messages cross a trust
 * boundary (a page can be tampered with, a host can be newer than a restored
 * page), so every message is checked on receipt; what fails is dropped and logged.
 * Browser- and Node-safe: no DOM, no vscode.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function isNonNegativeNumber(value: unknown): value is number {
  return isFiniteNumber(value) && value >= 0;
}

export function isNonEmptyString(value: unknown, maxLength = 4096): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= maxLength;
}

/** A positive request id: replies carry it back so a late reply to an old request is ignored. */
export function isRequestId(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) > 0;
}

/** The `type` of a message, when it has one; for the log line of a dropped message. */
export function describeMessage(value: unknown): string {
  if (!isRecord(value)) return typeof value;
  return typeof value.type === 'string' ? `type "${value.type.slice(0, 40)}"` : 'no type';
}
