import type { ValidateFunction } from 'ajv';

/**
 * Validators of the shipped JSON schemas (suite, case, config), by $id, and of every grader's
 * config schema, by graderConfigKey. The CLI bundle replaces this module with ajv's standalone
 * code for them (scripts/build-cli.mjs), so that a run does not compile them at start-up (~70 ms
 * for the suite schema alone, ~60 ms for the graders of the shipped suites). Running from
 * sources it stays empty and compileSchema compiles them, with the same options
 * (ajv-options.json). Those options skip checking each schema against the JSON Schema
 * meta-schema as it is compiled (compiling the meta-schema cost ~60 ms per start): every schema
 * compiled this way is avec's own, and tests/shared/own-schemas.test.ts checks them all once.
 */
export const PRECOMPILED: Readonly<Record<string, ValidateFunction>> = {};
