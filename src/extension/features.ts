import { codeLensFeature } from './codelens/provider';
import { diagnosticsFeature } from './diagnostics/publisher';
import type { Feature } from './feature';
import { hoverFeature } from './hover/provider';
import { quickFixFeature } from './quickfix/provider';
import { statusBarFeature } from './statusbar/item';
import { webviewFeatures } from './webviews';
import { workspaceFileFeature } from './workspace-file';

/**
 * Every feature the extension starts, in order. Webview hosts
 * (src/extension/webviews) add theirs here: one import, one entry.
 */
export const FEATURES: readonly Feature[] = [workspaceFileFeature, hoverFeature, codeLensFeature, diagnosticsFeature, quickFixFeature, statusBarFeature, ...webviewFeatures];
