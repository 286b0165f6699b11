import type { ValidateFunction } from 'ajv';

/**
 * Validators of the shipped JSON schemas (suite, case, config), by $id. The CLI bundle replaces
 * this module with ajv's standalone code for them (scripts/build-cli.mjs), so that a run does not
 * compile them at start-up (~70 ms for the suite schema alone). Running from sources it stays
 * empty and compileSchema compiles them, with the same options (ajv-options.json).
 */
export const PRECOMPILED: Readonly<Record<string, ValidateFunction>> = {};
