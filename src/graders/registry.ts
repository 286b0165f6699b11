import type { MutationName } from '../providers/mutations.js';
import type { Provider } from '../providers/types.js';
import { UserError } from '../shared/errors.js';
import { compileSchema, describeAjvError } from '../shared/yaml-file.js';
import type { GraderSpec } from '../suite/types.js';
import { citations } from './citations/index.js';
import { contains } from './contains.js';
import { drugs } from './drugs/index.js';
import { form } from './form/index.js';
import { glossary } from './glossary.js';
import { jsonSchema } from './json-schema.js';
import { judgeCitationSupport } from './judge/citation-support.js';
import { judgeFactuality } from './judge/factuality.js';
import { judgeRubric } from './judge/rubric.js';
import { keyFacts } from './key-facts.js';
import { negation } from './negation.js';
import { numbers } from './numbers/index.js';
import { pii } from './pii/index.js';
import { readability } from './readability/index.js';
import { regex } from './regex.js';
import { scope } from './scope/index.js';
import { sections } from './sections.js';
import { translation } from './translation/index.js';
import { type Grader, type GraderDefinition, GraderError } from './types.js';

/** The one place graders are registered; every list of graders derives from it. */
export const GRADERS = {
  contains,
  regex,
  'json-schema': jsonSchema,
  'judge.factuality': judgeFactuality,
  'judge.rubric': judgeRubric,
  'judge.citation-support': judgeCitationSupport,
  pii,
  numbers,
  'key-facts': keyFacts,
  drugs,
  negation,
  citations,
  sections,
  translation,
  glossary,
  readability,
  form,
  scope,
} satisfies Record<string, GraderDefinition<never>>;

export type GraderType = keyof typeof GRADERS;

export function graderTypes(): GraderType[] {
  return Object.keys(GRADERS) as GraderType[];
}

export function isGraderType(type: string): type is GraderType {
  return Object.hasOwn(GRADERS, type);
}

/**
 * The name a grader type's config schema has among the validators the CLI bundle precompiles
 * (scripts/build-cli.mjs): the schemas have no $id of their own.
 */
export function graderConfigKey(type: string): string {
  return `https://avec.invalid/schemas/grader-config/${type}.json`;
}

/** Checks each spec against its grader's config schema and builds the graders, or throws at the right line. */
export function createGraders(
  specs: GraderSpec[],
  dir: string,
  options: { judge?: Provider } = {},
): Grader[] {
  return specs.map((spec) => {
    if (!isGraderType(spec.type)) {
      throw new UserError(`unknown grader type "${spec.type}"`, {
        place: { ...spec.place, pointer: `${spec.place.pointer ?? ''}/type` },
        hint: `Known graders: ${graderTypes().join(', ')}`,
      });
    }
    const definition = GRADERS[spec.type] as unknown as GraderDefinition;
    const validate = compileSchema(definition.configSchema, graderConfigKey(spec.type));
    if (!validate(spec.config)) {
      const error = validate.errors?.[0];
      const params = (error?.params ?? {}) as Record<string, unknown>;
      let pointer = `${spec.place.pointer ?? ''}${error?.instancePath ?? ''}`;
      if (error?.keyword === 'additionalProperties') pointer += `/${String(params.additionalProperty)}`;
      const words =
        error?.keyword === 'not'
          ? 'give either "value" or "values", not both'
          : error
            ? describeAjvError(error)
            : 'invalid';
      throw new UserError(`grader "${spec.id}" (${spec.type}): ${words}`, {
        place: { ...spec.place, pointer },
        hint: `See the ${spec.type} grader's options in the README`,
      });
    }
    try {
      return definition.create(spec.id, spec.config, {
        dir,
        place: spec.place,
        ...(options.judge ? { judge: options.judge } : {}),
      });
    } catch (error) {
      if (error instanceof GraderError) throw new UserError(error.message, { place: spec.place });
      throw error;
    }
  });
}

/** What calibration expects a grader type to catch (empty when it is not meant for any defect). */
export function intendedCatches(type: string): readonly MutationName[] {
  return isGraderType(type) ? ((GRADERS[type] as GraderDefinition).catches ?? []) : [];
}
