/** The version printed by `headway --version` and `headway version`; kept equal to package.json's by a test. */
export const HEADWAY_VERSION = '0.1.0';
