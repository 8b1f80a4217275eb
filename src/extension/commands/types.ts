import type { TokenomicsContext } from '../context';

/** Builds a command's handler from the context; registered once, for the extension's lifetime. */
export type CommandFactory = (ctx: TokenomicsContext) => (...args: unknown[]) => unknown;
