import { z } from 'zod';
import { httpsUrl } from './schemas';

/** The urgent-support signposting the bot shows first whenever safety language appears. */
export const UrgentSupportSchema = z
  .object({
    title: z.string().min(1).max(80),
    intro: z.string().min(1).max(400),
    contacts: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9-]+$/),
            name: z.string().min(1).max(60),
            detail: z.string().min(1).max(300),
            /** One short line for compact cards (the check-in), such as "call 111, mental health option". */
            short: z.string().min(1).max(80),
            phone: z.string().max(20).optional(),
            /** A text-message service: send the keyword to the number. */
            text: z
              .object({
                keyword: z.string().regex(/^[A-Z0-9]{2,20}$/),
                number: z.string().regex(/^[0-9]{4,8}$/),
              })
              .strict()
              .optional(),
            url: httpsUrl.optional(),
          })
          .strict(),
      )
      .min(3),
    colleague: z.string().min(1).max(500),
    /** What to do while with a colleague at risk, one short step each. */
    colleagueSteps: z.array(z.string().min(1).max(200)).min(1).max(6),
    followUp: z.string().min(1).max(300),
  })
  .strict();

/** Urgent-support content as loaded and checked. */
export type UrgentSupport = z.infer<typeof UrgentSupportSchema>;

/** One urgent-support contact. */
export type UrgentContact = UrgentSupport['contacts'][number];

/** How to reach a contact, in words: "999", "text SHOUT to 85258", or nothing for a contact with neither. */
export function reachOf(contact: UrgentContact): string | undefined {
  if (contact.phone) return contact.phone;
  if (contact.text) return `text ${contact.text.keyword} to ${contact.text.number}`;
  return undefined;
}
