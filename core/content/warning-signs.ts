import { z } from 'zod';

/** How urgent a disclosure is: a clear intent, plan, means or method (immediate), or one warning sign (check-in). */
export type Urgency = 'immediate' | 'check-in';

/** The sign kinds the safety check must always know about; the content check refuses a lexicon without them. */
export const REQUIRED_SIGNS = [
  'direct-intent',
  'plan-preparation',
  'wish-not-to-exist',
  'hopelessness',
  'burden',
  'goodbye',
  'giving-away',
  'affairs-in-order',
  'self-harm',
  'means-medication',
  'researching-methods',
  'slang-euphemism',
] as const;

const phrase = z
  .string()
  .trim()
  .min(2)
  .max(120)
  .regex(/^[a-z0-9' *&/,.-]+$/, 'lower-case words, apostrophes and * (any one word) only')
  .refine((value) => (value.match(/\*/g) ?? []).length <= 1, 'at most one * per phrase');

/** content/warning-signs.yaml: published warning signs, each with the everyday phrases that show it. */
export const WarningSignsSchema = z
  .object({
    signs: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9-]+$/),
            level: z.enum(['immediate', 'check-in']),
            sources: z.array(z.string().url()).min(1),
            phrases: z.array(phrase).min(1).max(200),
          })
          .strict(),
      )
      .min(REQUIRED_SIGNS.length),
  })
  .strict()
  .superRefine((file, context) => {
    const ids = new Set(file.signs.map((sign) => sign.id));
    for (const required of REQUIRED_SIGNS) {
      if (!ids.has(required))
        context.addIssue({ code: 'custom', message: `the lexicon must keep the "${required}" sign` });
    }
    if (ids.size !== file.signs.length)
      context.addIssue({ code: 'custom', message: 'sign ids must be unique' });
  });

/** One published warning sign as loaded. */
export type WarningSign = z.infer<typeof WarningSignsSchema>['signs'][number];

const example = z.string().trim().min(3).max(600);

/** content/safety-examples.yaml: example at-risk and ordinary messages that train the safety model. */
export const SafetyExamplesSchema = z
  .object({
    atRisk: z.array(example).min(50),
    ordinary: z.array(example).min(50),
  })
  .strict();

/** Example messages for the safety model, as loaded. */
export type SafetyExamples = z.infer<typeof SafetyExamplesSchema>;
