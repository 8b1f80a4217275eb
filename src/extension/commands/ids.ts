/** Command ids contributed in package.json; `_test.` ones are hidden from the palette and exist for the integration suite. */
export const SHOW_LOG_COMMAND = 'tokenomics.showLog';
export const PICK_MODEL_COMMAND = 'tokenomics.pickModel';
export const COMPARE_PROVIDERS_COMMAND = 'tokenomics.compareProviders';
export const REFRESH_COMMAND = 'tokenomics.refresh';
export const SET_ASSUMPTION_COMMAND = 'tokenomics.setAssumption';
export const STATUS_MENU_COMMAND = 'tokenomics.statusMenu';
export const SHOW_REPORT_COMMAND = 'tokenomics.showReport';
export const TEST_STATUS_TEXT_COMMAND = 'tokenomics._test.statusText';
export const TEST_REPORT_COMMAND = 'tokenomics._test.report';

/** Every id above, for the manifest test (package.json must declare exactly these). */
export const ALL_COMMAND_IDS: readonly string[] = [
  SHOW_LOG_COMMAND,
  PICK_MODEL_COMMAND,
  COMPARE_PROVIDERS_COMMAND,
  REFRESH_COMMAND,
  SET_ASSUMPTION_COMMAND,
  STATUS_MENU_COMMAND,
  SHOW_REPORT_COMMAND,
  TEST_STATUS_TEXT_COMMAND,
  TEST_REPORT_COMMAND,
];
