import { parseCompareRequest } from '../compare-request';
import type { CommandFactory } from './types';

/** Opens the Compare Providers panel for a site (from a hover link or a CodeLens), or unfocused from the palette. */
export const compareProviders: CommandFactory = (ctx) => (arg?: unknown) => ctx.openCompare(parseCompareRequest(arg));
