/** Tool version shown by the CLI and written into reports. Kept in step with package.json by a unit test. */
export const TOOL_VERSION = '0.1.0';
