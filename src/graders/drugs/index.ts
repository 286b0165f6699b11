import { SOURCE_VAR_SCHEMA, sourceTexts } from '../expectations.js';
import { foldText, foldWithOffsets, originalRange } from '../text/normalize.js';
import type { GraderDefinition, Span } from '../types.js';
import {
  buildLexicon,
  builtinLexicon,
  type DrugMention,
  findDrugs,
  hasWholeWord,
  type Lexicon,
} from './lexicon.js';

export interface DrugsConfig {
  /** The var (or vars, joined) holding the text the drugs must come from; default `source`. */
  sourceVar?: string | string[];
  /** More drug names: "Name", or "Name=INN" / "Name=INN1+INN2" for a brand. */
  extra?: string[];
  /** Names (or INNs) never flagged, such as a drug the prompt itself suggests. */
  allow?: string[];
}

/**
 * Every drug the output names (INN or French brand, whatever the case and accents) is named in
 * the source, by the same name or an equivalent one: "paracétamol" is supported by
 * "Doliprane", "Augmentin" needs both amoxicilline and acide clavulanique. A drug swapped for
 * another is flagged with its span. The names are in inn-fr.json.
 */
export const drugs: GraderDefinition<DrugsConfig> = {
  description:
    'Every drug named in the output (INN or brand) is named in the source, or an equivalent brand/INN is.',
  configSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      sourceVar: SOURCE_VAR_SCHEMA,
      extra: { type: 'array', items: { type: 'string', pattern: '^[^=+]+(=[^=+]+(\\+[^=+]+)*)?$' } },
      allow: { type: 'array', items: { type: 'string', minLength: 1 } },
    },
  },
  create(id, config) {
    const lexicon = config.extra?.length ? buildLexicon(config.extra) : builtinLexicon();
    const allow = allowedInns(config.allow ?? [], lexicon);
    return {
      id,
      type: 'drugs',
      grade(input) {
        const source = foldWithOffsets(sourceTexts(input, id, config.sourceVar)).text;
        const inSource = findDrugs(source, lexicon);
        const sourceNames = new Set(inSource.map((mention) => mention.key));
        const sourceInns = new Set(inSource.flatMap((mention) => mention.inns));
        const output = foldWithOffsets(input.output);
        const mentions = findDrugs(output.text, lexicon).filter(
          (mention) => !mention.inns.every((inn) => allow.has(inn)),
        );
        const unsupported = mentions.filter(
          (mention) =>
            !(
              sourceNames.has(mention.key) ||
              mention.inns.every((inn) => sourceInns.has(inn)) ||
              // "insuline" is named in "insuline glargine".
              hasWholeWord(source, mention.key)
            ),
        );
        const spans: Span[] = unsupported.map((mention) => ({
          ...originalRange(output, mention.start, mention.end),
          label: 'unsupported-drug',
        }));
        if (mentions.length === 0) return { pass: true, score: 1, reason: 'no drug named', spans };
        const pass = unsupported.length === 0;
        return {
          pass,
          score: (mentions.length - unsupported.length) / mentions.length,
          reason: pass
            ? `all ${mentions.length} drug mentions found in the source`
            : `${unsupported.length} of ${mentions.length} drug mentions not in the source: ${names(unsupported)}; the source names ${names(inSource) || 'no drug'}`,
          spans,
        };
      },
    };
  },
};

/**
 * What `allow` lets the output name, as INNs: allowing "Doliprane" allows "paracétamol" too, but
 * allowing "amoxicilline" does not allow "Augmentin", which holds acide clavulanique as well.
 */
function allowedInns(names: readonly string[], lexicon: Lexicon): Set<string> {
  return new Set(names.flatMap((name) => lexicon.names.get(foldText(name))?.inns ?? [foldText(name)]));
}

function names(mentions: DrugMention[]): string {
  const unique = [...new Map(mentions.map((mention) => [mention.key, mention])).values()];
  const shown = unique.slice(0, 6).map((mention) => {
    const inns = mention.innNames.join(' + ');
    return mention.inns.join(' + ') === mention.key
      ? JSON.stringify(mention.name)
      : `${JSON.stringify(mention.name)} (${inns})`;
  });
  return `${shown.join(', ')}${unique.length > 6 ? ', …' : ''}`;
}
