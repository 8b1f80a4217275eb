import type { CliCommand } from '../command';
import { countCommand } from './count';
import { hardwareCommand } from './hardware';

/**
 * The command table. Each command lives in its own file; add it here.
 * Order is the order of `tokenomics --help`.
 */
export const COMMANDS: readonly CliCommand[] = [countCommand, hardwareCommand];
