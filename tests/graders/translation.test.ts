import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intendedCatches } from '../../src/graders/registry.js';
import { type TranslationConfig, translation } from '../../src/graders/translation/index.js';
import { parseLanguage } from '../../src/graders/translation/language.js';
import { type GradeInput, type GradeResult, GraderError } from '../../src/graders/types.js';
import { MUTATIONS } from '../../src/providers/mutations.js';

const DOSE_FR =
  'Prenez 1 comprimé de 500 mg trois fois par jour pendant 5 jours. Ne dépassez pas 3 g par jour. Si la fièvre dure plus de 48 heures, consultez votre médecin.';
const DOSE_EN =
  'Take 1 tablet of 500 mg three times a day for 5 days. Do not exceed 3 g per day. If the fever lasts more than 48 hours, see your doctor.';
const DOSE_ES =
  'Tome 1 comprimido de 500 mg tres veces al día durante 5 días. No supere los 3 g al día. Si la fiebre dura más de 48 horas, consulte a su médico.';
const DOSE_AR =
  'تناول قرصا واحدا (1) من 500 mg ثلاث مرات في اليوم لمدة 5 أيام. لا تتجاوز 3 g في اليوم. إذا استمرت الحمى أكثر من 48 ساعة، استشر طبيبك.';
const WEIGHT_FR =
  'La posologie est de 15 mg/kg/j en 3 prises, soit 2 gélules matin, midi et soir pendant 10 jours.';
const WEIGHT_PT =
  'A posologia é de 15 mg/kg/dia em 3 tomas, ou seja 2 cápsulas de manhã, ao meio-dia e à noite durante 10 dias.';
const VACCINE_FR =
  "Votre enfant doit recevoir 2 doses à 4 semaines d'intervalle. La température normale est de 37 °C.";
const VACCINE_DE =
  'Ihr Kind muss 2 Dosen im Abstand von 4 Wochen erhalten. Die normale Temperatur beträgt 37 °C.';

interface Case {
  source?: string;
  reference?: string;
  vars?: Record<string, unknown>;
}

function input(output: string, { source, reference, vars = {} }: Case, language = 'fr'): GradeInput {
  return {
    output,
    case: {
      id: 'c1',
      vars: source === undefined ? vars : { source, ...vars },
      expect: {},
      ...(reference === undefined ? {} : { reference }),
    },
    suite: { id: 'translation.test', language, dir: '.' },
  };
}

function grade(config: TranslationConfig, output: string, testCase: Case, language?: string): GradeResult {
  const grader = translation.create('translation', config, { dir: '.', place: {} });
  return grader.grade(input(output, testCase, language)) as GradeResult;
}

function graderError(run: () => unknown): GraderError {
  try {
    run();
  } catch (error) {
    if (error instanceof GraderError) return error;
    throw error;
  }
  throw new Error('expected a GraderError');
}

describe('translation: the reference itself passes', () => {
  it.each([
    ['en', DOSE_FR, DOSE_EN],
    ['es', DOSE_FR, DOSE_ES],
    ['ar', DOSE_FR, DOSE_AR],
    ['pt', WEIGHT_FR, WEIGHT_PT],
    ['de', VACCINE_FR, VACCINE_DE],
  ])('in %s', (language, source, reference) => {
    const result = grade({ language }, reference, { source, reference });
    expect(result.pass, result.reason).toBe(true);
    expect(result.score).toBe(1);
    expect(result.reason).toContain(`in ${language}`);
    expect(result.reason).toContain('chrF++ 100.0');
    expect(result.reason).toContain('figures kept');
    expect(result.spans).toEqual([]);
  });
});

describe('translation: the target language', () => {
  const testCase = { source: DOSE_FR, reference: DOSE_EN };

  it('fails an answer in French when English was asked, scoring 0 and marking the whole output', () => {
    const result = grade({ language: 'en' }, DOSE_FR, testCase);
    expect(result.pass).toBe(false);
    expect(result.score).toBe(0);
    expect(result.reason).toContain('written in fr, not en');
    expect(result.spans).toContainEqual({ start: 0, end: DOSE_FR.length, label: 'language' });
  });

  it('fails an answer in French when Arabic was asked, and passes one in Arabic', () => {
    expect(grade({ language: 'ar' }, DOSE_FR, { source: DOSE_FR, reference: DOSE_AR }).pass).toBe(false);
    expect(grade({ language: 'ar' }, DOSE_AR, { source: DOSE_FR, reference: DOSE_AR }).pass).toBe(true);
  });

  it('fails an answer in English, the usual fallback of a model, when Spanish was asked', () => {
    const result = grade({ language: 'es', numbers: false }, DOSE_EN, { reference: DOSE_ES });
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('written in en, not es');
  });

  it('fails an answer in a script none of the candidates is written in', () => {
    const russian = 'Принимайте по одной таблетке утром и вечером в течение семи дней, не больше.';
    const result = grade({ language: 'en', numbers: false }, russian, { reference: DOSE_EN });
    expect(result.pass).toBe(false);
    expect(result.score).toBe(0);
    expect(result.reason).toContain('not in en, nor in any language expected');
  });

  it('recognises another language only when it is among the candidates', () => {
    const spanish = { reference: DOSE_ES };
    // Among Portuguese, French and English, Spanish reads as Portuguese; a candidate says otherwise.
    const narrow = grade({ language: 'pt', numbers: false, minChrf: 0 }, DOSE_ES, spanish);
    const wide = grade({ language: 'pt', numbers: false, minChrf: 0, candidates: ['es'] }, DOSE_ES, spanish);
    expect(narrow.pass).toBe(true);
    expect(wide.pass).toBe(false);
    expect(wide.reason).toContain('written in es, not pt');
  });

  it('does not guess on a short answer, and says so', () => {
    const result = grade({ language: 'en', numbers: false, minChrf: 0 }, 'Prenez 500 mg.', {
      reference: 'Take 500 mg.',
    });
    expect(result.pass).toBe(true);
    expect(result.reason).toMatch(/language not checked: \d+ letters, too short/);
  });

  it('skips the check, saying so, for a language franc-min does not know', () => {
    const result = grade({ language: 'wo', numbers: false, minChrf: 0 }, DOSE_FR, { reference: DOSE_EN });
    expect(result.reason).toContain('language not checked: franc-min does not recognise "wo"');
    expect(result.spans).toEqual([]);
  });

  it('takes the language from a template, from vars.target_language, then from the suite', () => {
    const vars = { target_language: 'anglais' };
    expect(grade({ language: '{{target_language}}' }, DOSE_FR, { ...testCase, vars }).reason).toContain(
      'not anglais',
    );
    expect(grade({}, DOSE_FR, { ...testCase, vars }).reason).toContain('not anglais');
    expect(grade({}, DOSE_EN, testCase, 'en').pass).toBe(true);
    // A French suite with no target anywhere: an English answer is then the wrong language.
    expect(grade({}, DOSE_EN, testCase, 'fr').reason).toContain('written in en, not fr');
  });

  it('reads codes, regional tags, ISO 639-3 codes and names', () => {
    expect(parseLanguage('pt-BR')?.franc).toBe('por');
    expect(parseLanguage('ar')?.franc).toBe('arb');
    expect(parseLanguage('ara')?.franc).toBe('arb');
    expect(parseLanguage('Español')?.franc).toBe('spa');
    expect(parseLanguage('allemand')?.franc).toBe('deu');
    expect(parseLanguage('wo')).toEqual({ label: 'wo', franc: undefined });
    expect(parseLanguage('not a language')).toBeUndefined();
  });

  it('refuses a configured language or candidate that is no language, when the suite loads', () => {
    expect(() => translation.create('t', { language: 'le français' }, { dir: '.', place: {} })).toThrow(
      GraderError,
    );
    expect(() => translation.create('t', { candidates: ['xx'] }, { dir: '.', place: {} })).toThrow(
      /candidates/,
    );
  });

  it('is a GraderError when the template names a var the case lacks, or the case names no language', () => {
    expect(graderError(() => grade({ language: '{{langue}}' }, DOSE_EN, testCase)).message).toContain(
      'langue',
    );
    const bad = { ...testCase, vars: { target_language: '???' } };
    expect(graderError(() => grade({}, DOSE_EN, bad)).message).toContain('"???" is not a language');
  });
});

describe('translation: chrF++ against the reference', () => {
  it('fails a fluent answer in the right language that says something else', () => {
    const other =
      'The pharmacy is open from Monday to Saturday; ask the pharmacist for advice about your prescription.';
    const result = grade({ language: 'en', numbers: false }, other, { reference: DOSE_EN });
    expect(result.pass).toBe(false);
    expect(result.reason).toMatch(/in en; chrF\+\+ \d+\.\d below 40/);
    expect(result.score).toBeGreaterThan(0);
    expect(result.score).toBeLessThan(0.4);
  });

  it('passes a close paraphrase, scoring chrF++/100, and honours minChrf', () => {
    const paraphrase =
      'Take 1 tablet of 500 mg three times daily for 5 days. Never exceed 3 g a day. If the fever lasts over 48 hours, see a doctor.';
    const result = grade({ language: 'en' }, paraphrase, { source: DOSE_FR, reference: DOSE_EN });
    expect(result.pass, result.reason).toBe(true);
    expect(result.score).toBeGreaterThan(0.6);
    expect(result.score).toBeLessThan(1);
    expect(
      grade({ language: 'en', minChrf: 95 }, paraphrase, { source: DOSE_FR, reference: DOSE_EN }).pass,
    ).toBe(false);
  });

  it('is a GraderError when the case has no reference', () => {
    expect(graderError(() => grade({ language: 'en' }, DOSE_EN, { source: DOSE_FR })).message).toContain(
      'reference',
    );
  });
});

describe('translation: figures', () => {
  it('fails a changed dose, marking the figure the output added and naming the one it lost', () => {
    const output = DOSE_EN.replace('500 mg', '250 mg');
    const result = grade({ language: 'en' }, output, { source: DOSE_FR, reference: DOSE_EN });
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('figures of the source missing: "500 mg"');
    expect(result.reason).toContain('figures not in the source: "250 mg"');
    const at = output.indexOf('250 mg');
    expect(result.spans).toContainEqual({ start: at, end: at + 6, label: 'number' });
  });

  it('fails a dropped figure', () => {
    const output = DOSE_EN.replace(' for 5 days', '');
    const result = grade({ language: 'en' }, output, { source: DOSE_FR, reference: DOSE_EN });
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('missing: "5 jours"');
  });

  it('fails a unit written the same in every language that changed, mg to g', () => {
    const output = DOSE_ES.replace('500 mg', '500 g');
    const result = grade({ language: 'es' }, output, { source: DOSE_FR, reference: DOSE_ES });
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('"500 g"');
  });

  it('fails days turned into weeks in English, whose unit words it reads', () => {
    const output = DOSE_EN.replace('5 days', '5 weeks');
    expect(grade({ language: 'en' }, output, { source: DOSE_FR, reference: DOSE_EN }).pass).toBe(false);
  });

  it('compares by value a figure whose unit is a word of another language', () => {
    // "días", "Wochen", "dia": units the extractor cannot read; the value is what it checks.
    expect(grade({ language: 'es' }, DOSE_ES, { source: DOSE_FR, reference: DOSE_ES }).pass).toBe(true);
    const wrong = DOSE_ES.replace('5 días', '6 días');
    expect(grade({ language: 'es' }, wrong, { source: DOSE_FR, reference: DOSE_ES }).pass).toBe(false);
  });

  it('does not require a French number word to stay a number, but lets it support a digit', () => {
    const source = 'Prenez deux comprimés le matin pendant une semaine, puis arrêtez le traitement.';
    const words = 'Take two tablets in the morning for one week, then stop the treatment completely.';
    const spanish = 'Tome dos comprimidos por la mañana durante una semana y luego deje el tratamiento.';
    const digits = 'Take 2 tablets in the morning for 1 week, then stop the treatment completely now.';
    expect(grade({ language: 'en', minChrf: 0 }, words, { source, reference: words }).pass).toBe(true);
    expect(grade({ language: 'es', minChrf: 0 }, spanish, { source, reference: spanish }).pass).toBe(true);
    expect(grade({ language: 'en', minChrf: 0 }, digits, { source, reference: words }).pass).toBe(true);
    const three = digits.replace('2 tablets', '3 tablets');
    expect(grade({ language: 'en', minChrf: 0 }, three, { source, reference: words }).reason).toContain(
      'figures not in the source: "3 tablets"',
    );
  });

  it('reads Eastern Arabic digits and the Arabic percent and decimal signs', () => {
    const source =
      'Le vaccin est recommandé à partir de 65 ans, avec un rappel tous les 10 ans. Le taux de couverture est de 52,3 % en 2023.';
    const arabic =
      'يوصى باللقاح ابتداءً من سن ٦٥ عامًا، مع جرعة معززة كل ١٠ سنوات. تبلغ نسبة التغطية ٥٢٫٣٪ في عام ٢٠٢٣.';
    expect(grade({ language: 'ar' }, arabic, { source, reference: arabic }).pass).toBe(true);
    const changed = arabic.replace('٦٥', '٥٥');
    const result = grade({ language: 'ar' }, changed, { source, reference: arabic });
    expect(result.pass).toBe(false);
    const at = changed.indexOf('٥٥');
    expect(result.spans).toContainEqual({ start: at, end: at + 2, label: 'number' });
  });

  it('matches "14 h 30" with "14:30" and "2:30 pm", not with "3:30 pm"', () => {
    const source = 'Votre rendez-vous est fixé le mardi à 14 h 30 au 2e étage, bâtiment principal.';
    const reference = 'Your appointment is on Tuesday at 2:30 pm on the 2nd floor, main building.';
    expect(grade({ language: 'en' }, reference, { source, reference }).pass).toBe(true);
    const twentyFour = reference.replace('2:30 pm', '14:30');
    expect(grade({ language: 'en' }, twentyFour, { source, reference }).pass).toBe(true);
    const late = reference.replace('2:30 pm', '3:30 pm');
    expect(grade({ language: 'en' }, late, { source, reference }).reason).toContain('"3:30 pm"');
  });

  it('needs the source only when it checks figures', () => {
    expect(graderError(() => grade({ language: 'en' }, DOSE_EN, { reference: DOSE_EN })).message).toContain(
      'vars.source',
    );
    expect(grade({ language: 'en', numbers: false }, DOSE_EN, { reference: DOSE_EN }).pass).toBe(true);
    const other = { vars: { texte: DOSE_FR }, reference: DOSE_EN };
    expect(grade({ language: 'en', sourceVar: 'texte' }, DOSE_EN, other).pass).toBe(true);
  });

  it('ignores a figure changed when numbers is off', () => {
    const output = DOSE_EN.replace('500 mg', '250 mg');
    expect(grade({ language: 'en', numbers: false }, output, { reference: DOSE_EN }).pass).toBe(true);
  });
});

describe('translation catches the defects it claims to, in every language tested', () => {
  const cases: Array<[string, string, string]> = [
    ['en', DOSE_FR, DOSE_EN],
    ['es', DOSE_FR, DOSE_ES],
    ['ar', DOSE_FR, DOSE_AR],
    ['pt', WEIGHT_FR, WEIGHT_PT],
    ['de', VACCINE_FR, VACCINE_DE],
  ];

  it('claims switch-language, change-number and change-unit', () => {
    expect(intendedCatches('translation')).toEqual(['switch-language', 'change-number', 'change-unit']);
  });

  it.each(cases)('%s: every applicable mutation of the reference fails', (language, source, reference) => {
    let applied = 0;
    for (const name of translation.catches ?? []) {
      for (let seed = 0; seed < 8; seed++) {
        const text = MUTATIONS[name]({ reference, expect: {}, vars: { source }, seed });
        if (text === undefined || text === reference) continue;
        applied += 1;
        const result = grade({ language }, text, { source, reference });
        expect(result.pass, `${name} (seed ${seed}): ${text}`).toBe(false);
      }
    }
    expect(applied).toBeGreaterThanOrEqual(8);
  });
});

describe('translation never throws on an answer', () => {
  it('returns a score in 0..1 and spans inside the output, whatever the output', () => {
    const output = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom(DOSE_FR, DOSE_AR, '٥٠٠ ملغ', '2:30 pm 14 h 30 ١٢٫٥٪', '\u202f', ''),
    );
    fc.assert(
      fc.property(output, (text) => {
        const result = grade({ language: 'en' }, text, { source: DOSE_FR, reference: DOSE_EN });
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(1);
        for (const span of result.spans ?? []) {
          expect(span.start).toBeGreaterThanOrEqual(0);
          expect(span.end).toBeLessThanOrEqual(text.length);
          expect(span.end).toBeGreaterThanOrEqual(span.start);
        }
      }),
      { numRuns: 200 },
    );
  });
});
