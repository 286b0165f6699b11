import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import configSchema from '../../src/config/config.schema.json' with { type: 'json' };
import {
  CITATION_SUPPORT_PROMPT,
  FACTUALITY_PROMPT,
  RUBRIC_PROMPT,
} from '../../src/graders/judge/prompts.js';
import { GRADERS } from '../../src/graders/registry.js';
import caseSchema from '../../src/suite/case.schema.json' with { type: 'json' };
import suiteSchema from '../../src/suite/suite.schema.json' with { type: 'json' };

/**
 * compileSchema does not check schemas against the meta-schema as it compiles them (start-up
 * time; see precompiled-validators.ts): every schema it is given is one of these, checked here.
 */
const OWN_SCHEMAS: Array<[string, object]> = [
  ['suite', suiteSchema],
  ['case', caseSchema],
  ['config', configSchema],
  ...Object.entries(GRADERS).map(([type, definition]): [string, object] => [
    `grader ${type}`,
    definition.configSchema,
  ]),
  ['judge factuality answer', FACTUALITY_PROMPT.answerSchema],
  ['judge rubric answer', RUBRIC_PROMPT.answerSchema],
  ['judge citation-support answer', CITATION_SUPPORT_PROMPT.answerSchema],
];

describe("avec's own JSON schemas", () => {
  it.each(OWN_SCHEMAS)('%s is a valid draft-07 schema', (_name, schema) => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
  });

  it('catches a schema that is not one', () => {
    const ajv = new Ajv({ strict: true });
    expect(ajv.validateSchema({ type: 'objet', properties: { a: { minLength: 'deux' } } })).toBe(false);
  });
});
