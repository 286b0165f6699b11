import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGraders, graderTypes } from '../../src/graders/registry.js';
import type { GradeInput, GradeResult, Grader } from '../../src/graders/types.js';
import type { GraderSpec } from '../../src/suite/types.js';

const RUNS = 300;

/** Any text a model could send back: graphemes, raw code points and lone surrogates. */
const anyOutput = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({
    unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    maxLength: 100,
  }),
  fc.json(),
  fc.constantFrom('', ' ', '{', '[', '```json\n{"a":1}\n```', '{"dossier": "D-0001", "mode": "assis"}'),
);

/** Values a config may hold: any text that is not a template. */
const plainValue = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
  .filter((v) => !v.includes('{{'));

function build(type: string, config: Record<string, unknown>): Grader {
  const spec: GraderSpec = { type, id: type, config, place: { file: 'suite.yaml', pointer: '/graders/0' } };
  const [grader] = createGraders([spec], '.');
  if (!grader) throw new Error('no grader built');
  return grader;
}

function input(
  output: string,
  expectations: Record<string, unknown> = {},
  vars: Record<string, unknown> = {},
  reference?: string,
): GradeInput {
  return {
    output,
    case: { id: 'c1', vars, expect: expectations, ...(reference === undefined ? {} : { reference }) },
    suite: { id: 'form.x', language: 'fr', dir: '.' },
  };
}

async function checkResult(grader: Grader, gradeInput: GradeInput): Promise<GradeResult> {
  const result = await grader.grade(gradeInput);
  expect(typeof result.pass).toBe('boolean');
  expect(Number.isFinite(result.score)).toBe(true);
  expect(result.score).toBeGreaterThanOrEqual(0);
  expect(result.score).toBeLessThanOrEqual(1);
  expect(typeof result.reason).toBe('string');
  for (const span of result.spans ?? []) {
    expect(span.start).toBeGreaterThanOrEqual(0);
    expect(span.end).toBeGreaterThanOrEqual(span.start);
    expect(span.end).toBeLessThanOrEqual(gradeInput.output.length);
  }
  return result;
}

/** Case folding as contains does it (İ read as i). */
const fold = (text: string) => text.replace(/\u0130/g, 'i').toLowerCase();

describe('graders never throw on any output', () => {
  it('contains, with any values and options', async () => {
    const config = fc.record(
      {
        values: fc.array(plainValue, { minLength: 1, maxLength: 4 }),
        mode: fc.constantFrom('all', 'any'),
        caseSensitive: fc.boolean(),
        negate: fc.boolean(),
      },
      { requiredKeys: ['values'] },
    );
    await fc.assert(
      fc.asyncProperty(config, anyOutput, async (options, output) => {
        await checkResult(build('contains', options), input(output));
      }),
      { numRuns: RUNS },
    );
  });

  it('contains, with values from expect.contains', async () => {
    const expected = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1 }),
      fc.array(fc.string({ unit: 'binary' }), { minLength: 1 }),
    );
    const grader = build('contains', {});
    await fc.assert(
      fc.asyncProperty(expected, anyOutput, async (contains, output) => {
        await checkResult(grader, input(output, { contains }));
      }),
      { numRuns: RUNS },
    );
  });

  it('contains, spans cover the found text whatever the case folding', async () => {
    // İ is the one letter whose lower case is longer: it must not shift the spans after it.
    const prefix = fc.oneof(anyOutput, fc.constantFrom('İ', 'Au CHU d’İzmir, ', 'İİ ß ẞ Σ ς'));
    await fc.assert(
      fc.asyncProperty(plainValue, prefix, anyOutput, async (value, before, after) => {
        const output = `${before}${value}${after}`;
        const result = await checkResult(build('contains', { value }), input(output));
        // Folding is context-sensitive for a few letters (final sigma), so found means found once folded.
        expect(result.pass).toBe(fold(output).includes(fold(value)));
        for (const span of result.spans ?? []) {
          expect(fold(output.slice(span.start, span.end))).toBe(fold(value));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('regex, with valid patterns and flags', async () => {
    const pattern = fc.constantFrom(
      '\\[\\d+\\]',
      '^$',
      'a*',
      '(?:)',
      '\\b\\d{13}\\b',
      '\\p{L}+',
      '^D-\\d{4}$',
      '.',
      '(é|e)l(e|é)v(é|e)',
      '\\s*',
    );
    const config = fc.record(
      { pattern, flags: fc.constantFrom('', 'i', 'u', 'gu', 'imsu', 'gy', 'm', 'd'), negate: fc.boolean() },
      { requiredKeys: ['pattern'] },
    );
    await fc.assert(
      fc.asyncProperty(config, anyOutput, async (options, output) => {
        await checkResult(build('regex', options), input(output));
      }),
      { numRuns: RUNS },
    );
  });

  it('regex, with escaped literal patterns', async () => {
    const literal = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 10 })
      .filter((v) => !v.includes('{{'))
      .map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    await fc.assert(
      fc.asyncProperty(literal, fc.boolean(), anyOutput, async (pattern, negate, output) => {
        await checkResult(build('regex', { pattern, negate }), input(output));
      }),
      { numRuns: RUNS },
    );
  });

  it('json-schema, with a small inline schema', async () => {
    const grader = build('json-schema', {
      schema: {
        type: 'object',
        required: ['dossier'],
        properties: { dossier: { type: 'string', pattern: '^D-\\d{4}$' }, date: { format: 'date' } },
      },
    });
    const jsonish = fc.oneof(
      anyOutput,
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .tuple(fc.string({ unit: 'grapheme' }), fc.jsonValue(), fc.string({ unit: 'grapheme' }))
        .map(([a, v, b]) => `${a}\n\`\`\`json\n${JSON.stringify(v)}\n\`\`\`\n${b}`),
      fc
        .tuple(fc.string({ unit: 'grapheme' }), fc.jsonValue(), fc.string({ unit: 'grapheme' }))
        .map(([a, v, b]) => `${a} ${JSON.stringify(v)} ${b}`),
    );
    await fc.assert(
      fc.asyncProperty(jsonish, async (output) => {
        await checkResult(grader, input(output));
      }),
      { numRuns: RUNS },
    );
  });

  it('every deterministic grader in the registry, on realistic cases and any output', async () => {
    const untested = graderTypes().filter((type) => !type.startsWith('judge.') && !(type in REALISTIC));
    expect(untested, 'give each new grader a realistic config here').toEqual([]);
    for (const [type, sample] of Object.entries(REALISTIC)) {
      const grader = build(type, sample.config);
      const near = fc.oneof(anyOutput, mutatedFrom(sample.reference ?? String(sample.vars.source ?? '')));
      await fc.assert(
        fc.asyncProperty(near, async (output) => {
          await checkResult(grader, input(output, sample.expect, sample.vars, sample.reference));
        }),
        { numRuns: 150 },
      );
    }
  });
});

/** Text close to a real answer, with random edits: where extraction rules meet their edge cases. */
function mutatedFrom(text: string): fc.Arbitrary<string> {
  return fc
    .tuple(fc.nat({ max: text.length }), fc.nat({ max: 20 }), anyOutput)
    .map(
      ([at, cut, insert]) => `${text.slice(0, at)}${insert}${text.slice(Math.min(text.length, at + cut))}`,
    );
}

const SOURCE =
  "Essai randomisé chez 1 240 résidents d'EHPAD : la vitamine D à 800 UI par jour pendant 12 mois n'a pas réduit les chutes (RR 0,91). Le paracétamol 500 mg reste l'antalgique de première intention.";

const REALISTIC: Record<
  string,
  {
    config: Record<string, unknown>;
    expect: Record<string, unknown>;
    vars: Record<string, unknown>;
    reference?: string;
  }
> = {
  contains: { config: {}, expect: { contains: ['chutes'] }, vars: {} },
  regex: { config: { pattern: '\\[\\d+\\]' }, expect: {}, vars: {} },
  'json-schema': { config: { schema: { type: 'object' } }, expect: {}, vars: {} },
  pii: { config: {}, expect: { pii: ['Martine Lefebvre', '01 99 00 41 27'] }, vars: {} },
  numbers: { config: {}, expect: {}, vars: { source: SOURCE } },
  'key-facts': { config: {}, expect: { facts: [['1 240', '1240'], "n'a pas réduit"] }, vars: {} },
  drugs: { config: {}, expect: {}, vars: { source: SOURCE } },
  negation: { config: {}, expect: {}, vars: { source: SOURCE } },
  citations: {
    config: { required: true, minCoverage: 0.5 },
    expect: {},
    vars: {
      sources: [
        { id: 1, title: 'Vitamine D et chutes', authors: 'Martin A', year: 2021, doi: '10.0000/avec-1' },
      ],
    },
    reference: "La vitamine D n'a pas réduit les chutes [1] (Martin, 2021 ; doi:10.0000/avec-1).",
  },
  sections: {
    config: { sections: ['Contexte', 'Décisions'] },
    expect: {},
    vars: {},
    reference: '## Contexte\nRéunion.\n\n## Décisions\n- Deux postes.',
  },
  form: {
    config: {
      schema: {
        type: 'object',
        properties: { date: { type: 'string', format: 'date' }, n: { type: 'integer' } },
      },
      forbidden: ['nir'],
    },
    expect: { fields: { date: '2026-03-05', n: 2 } },
    vars: {},
    reference: '{"date": "2026-03-05", "n": 2}',
  },
  scope: {
    config: { mode: 'decline' },
    expect: {},
    vars: {},
    reference:
      'Je ne peux pas vous indiquer de dose : demandez conseil à votre médecin ou à votre pharmacien.',
  },
  translation: {
    config: { language: 'en' },
    expect: {},
    vars: { source: 'Ne mangez rien pendant 6 heures avant l’examen. Buvez 1 litre d’eau la veille.' },
    reference: 'Do not eat anything for 6 hours before the exam. Drink 1 litre of water the day before.',
  },
  glossary: {
    config: {},
    expect: {
      glossary: [{ source: 'à jeun', target: ['fasting', 'on an empty stomach'] }, { target: 'exam' }],
    },
    vars: { source: 'Venez à jeun pour l’examen.' },
  },
  readability: { config: { minKandelMoles: 60, maxMeanSentenceWords: 15 }, expect: {}, vars: {} },
};
