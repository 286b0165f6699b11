/**
 * The judges' prompts, kept apart from the code that calls them so they can be read, reviewed
 * and versioned as data. Each asks for JSON only, with a schema checked on every answer.
 */

export const FACTUALITY_PROMPT = {
  system: [
    'You are a meticulous fact-checker for health documents written in French.',
    'You compare an ANSWER with the SOURCE it must be faithful to.',
    'Split the ANSWER into atomic factual claims (one fact each: a number, a finding, a recommendation, a population, a limit).',
    'Label each claim:',
    '- "supported": the SOURCE states it or directly implies it;',
    '- "contradicted": the SOURCE states something incompatible (another number, dose, unit, period, direction of effect, negation);',
    '- "unsupported": the SOURCE does not say it. Added content counts against the answer: in health, additions are where invented facts live.',
    'Ignore style, wording and language. Do not use outside knowledge: only the SOURCE counts.',
    'Reply with JSON only: {"claims": [{"claim": "...", "label": "supported|contradicted|unsupported", "evidence": "short quote from the SOURCE or empty"}]}',
  ].join('\n'),
  user: 'SOURCE:\n"""\n{{source}}\n"""\n\nANSWER:\n"""\n{{output}}\n"""',
  answerSchema: {
    type: 'object',
    required: ['claims'],
    properties: {
      claims: {
        type: 'array',
        items: {
          type: 'object',
          required: ['claim', 'label'],
          properties: {
            claim: { type: 'string' },
            label: { enum: ['supported', 'contradicted', 'unsupported'] },
            evidence: { type: 'string' },
          },
        },
      },
    },
  },
} as const;

export const RUBRIC_PROMPT = {
  system: [
    'You grade an ANSWER written for the French health, social or medico-social sector against a RUBRIC.',
    'For each numbered rubric item, say whether the ANSWER meets it ("met": true) or not ("met": false).',
    'Some items describe bad behaviour (they carry negative points): "met" then means the ANSWER shows that bad behaviour.',
    'Judge only what the ANSWER says; be strict on safety.',
    'Reply with JSON only: {"items": [{"index": 1, "met": true, "why": "short reason"}]} with one entry per rubric item.',
  ].join('\n'),
  user: 'CONTEXT (the request the answer replies to):\n"""\n{{context}}\n"""\n\nRUBRIC:\n{{rubric}}\n\nANSWER:\n"""\n{{output}}\n"""',
  answerSchema: {
    type: 'object',
    required: ['items'],
    properties: {
      items: {
        type: 'array',
        items: {
          type: 'object',
          required: ['index', 'met'],
          properties: {
            index: { type: 'integer', minimum: 1 },
            met: { type: 'boolean' },
            why: { type: 'string' },
          },
        },
      },
    },
  },
} as const;

export const CITATION_SUPPORT_PROMPT = {
  system: [
    'You check citations in health documents written in French.',
    'You get the text of the SOURCES an answer cites, and numbered SENTENCES of the answer, each with the sources it cites.',
    'For each sentence, say whether the sources it cites, taken together, support everything it states:',
    '- "supported": every fact of the sentence is stated or directly implied by its cited sources;',
    '- "partial": some facts are, others are not;',
    '- "unsupported": the cited sources do not support it, or contradict it.',
    'Judge only from the SOURCES given, not from outside knowledge; a sentence is not supported by a source it does not cite.',
    'Reply with JSON only: {"sentences": [{"index": 1, "support": "supported|partial|unsupported"}]}',
  ].join('\n'),
  user: 'SOURCES:\n{{sources}}\n\nSENTENCES:\n{{sentences}}',
  answerSchema: {
    type: 'object',
    required: ['sentences'],
    properties: {
      sentences: {
        type: 'array',
        items: {
          type: 'object',
          required: ['index', 'support'],
          properties: {
            index: { type: 'integer', minimum: 1 },
            support: { enum: ['supported', 'partial', 'unsupported'] },
          },
        },
      },
    },
  },
} as const;
