// An organisation in the referral directory ("sociale kaart"): what it does, for whom, how to
// reach it and when. Texts a visitor may read come in Dutch and, where written, English.
// Entries shipped with Baken (or imported) can carry "check before use": an administrator or
// supervisor verifies the facts before counsellors rely on them.
import { z } from 'zod';
import { contentLanguageSchema } from './snippet.js';

export const directoryLimits = { nameMax: 120, textMax: 600, hoursMax: 300, regionMax: 120, urlMax: 300, maxEntries: 500 } as const;

const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .refine((s) => !/[\r\n]/.test(s), 'one line');

const text = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().max(max, `at most ${max} characters`));

/** Dutch is required; English falls back to Dutch where it is empty. */
const localised = (max: number) => z.object({ nl: text(max).pipe(z.string().min(1, 'required')), en: text(max).default('') });

const webAddress = z
  .string()
  .trim()
  .max(directoryLimits.urlMax)
  .refine((s) => {
    if (!/^https?:\/\//i.test(s)) return false;
    try {
      return Boolean(new URL(s).hostname);
    } catch {
      return false;
    }
  }, 'a web address starting with https://')
  .nullable()
  .default(null);

export const directoryContentSchema = z
  .object({
    name: oneLine(directoryLimits.nameMax).pipe(z.string().min(1, 'required')),
    what: localised(directoryLimits.textMax),
    forWhom: z.object({
      ageMin: z.number().int().min(0).max(120).nullable().default(null),
      ageMax: z.number().int().min(0).max(120).nullable().default(null),
      region: oneLine(directoryLimits.regionMax).default(''),
      languages: z.array(contentLanguageSchema).max(20).default([]),
    }),
    contact: z.object({
      phone: z
        .string()
        .trim()
        .regex(/^[0-9+][0-9 ()+-]{1,29}$/, 'digits, spaces, + and - only')
        .nullable()
        .default(null),
      website: webAddress,
      chat: webAddress,
    }),
    /** When to reach them, as text; may be empty (the card then leaves the line out). */
    hours: z.object({ nl: text(directoryLimits.hoursMax).default(''), en: text(directoryLimits.hoursMax).default('') }),
    /** Codes of the coding form's referral options this organisation stands for (police, veilig_thuis, …). */
    referralCodes: z
      .array(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'a referral code such as police'))
      .max(10)
      .default([]),
    checkBeforeUse: z.boolean().default(false),
  })
  .refine((e) => e.forWhom.ageMin === null || e.forWhom.ageMax === null || e.forWhom.ageMin <= e.forWhom.ageMax, {
    message: 'the lowest age is above the highest',
    path: ['forWhom', 'ageMax'],
  });

export type DirectoryContent = z.output<typeof directoryContentSchema>;
/** What a client sends: defaults may be left out. */
export type DirectoryContentInput = z.input<typeof directoryContentSchema>;

export interface DirectoryEntry extends DirectoryContent {
  id: string;
  updatedAt: number;
}
