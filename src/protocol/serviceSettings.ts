// Settings an administrator can change while the service runs. Every field has a default,
// so an empty settings table is a working service.
import { z } from 'zod';
import { openingScheduleSchema } from '../domain/schedule/openingHours.js';
import { disguiseIcons } from './disguiseIcons.js';
import { defaultVisitorLanguage, visitorLanguages, type VisitorLanguage } from './languageInfo.js';

/** Every visitor language but Dutch, the fallback, can be switched off. */
export const switchableLanguages = visitorLanguages.filter((code) => code !== defaultVisitorLanguage) as Exclude<VisitorLanguage, 'nl'>[];

export const alternativeSchema = z.object({
  name: z.string().min(1).max(80),
  phone: z.string().max(30).optional(),
  url: z.string().url().max(200).optional(),
  /** When to call them, in plain words (per language). */
  descriptionNl: z.string().max(200).optional(),
  descriptionEn: z.string().max(200).optional(),
});
export type Alternative = z.infer<typeof alternativeSchema>;

export const defaultAlternatives: Alternative[] = [
  { name: '112', phone: '112', descriptionNl: 'Bij direct gevaar: bel 112.', descriptionEn: 'In immediate danger: call 112.' },
  { name: 'Veilig Thuis', phone: '0800-2000', descriptionNl: 'Gratis, dag en nacht, bij geweld of misbruik thuis.', descriptionEn: 'Free, day and night, for violence or abuse at home.' },
  { name: 'De Kindertelefoon', phone: '0800-0432', url: 'https://www.kindertelefoon.nl', descriptionNl: 'Gratis en anoniem, voor kinderen tot 18.', descriptionEn: 'Free and anonymous, for children up to 18.' },
];

export const serviceSettingsSchema = z.object({
  /** Days after a chat ends before its transcript is deleted (codings are kept). */
  retentionDays: z.number().int().min(1).max(3650).default(30),
  /** Where quick exit sends the visitor; overrides QUICK_EXIT_URL when set. */
  quickExitUrl: z.string().url().max(500).optional(),
  /**
   * The service's own name (branding), shown in the console's header and, when the visitor page is
   * not disguised, on the visitor page. Absent: "Baken". The logo is stored apart (service_logo).
   */
  serviceName: z.string().trim().min(1).max(60).optional(),
  /** A neutral tab title for the visitor page, for visitors whose screen may be seen. */
  disguiseTitle: z.string().max(60).optional(),
  /** A neutral tab icon for the visitor page, one of the bundled ones; baken is the normal icon. */
  disguiseIcon: z.enum(disguiseIcons).default('baken'),
  /** Chat text stays plain; when on, http(s) addresses in messages become links (opened apart, no referrer). */
  clickableLinks: z.boolean().default(false),
  /** automatic: offer to the least-loaded available counsellor; manual: counsellors pick. */
  routingMode: z.enum(['automatic', 'manual']).default('automatic'),
  offerTimeoutSeconds: z.number().int().min(10).max(600).default(45),
  disconnectGraceSeconds: z.number().int().min(10).max(900).default(90),
  /** Most visitors that may wait at once; absent = no cap. A visitor in danger is always let in. */
  queueCap: z.number().int().min(1).max(10_000).optional(),
  /** auto follows the opening hours; open/closed is set by hand by a supervisor. */
  availability: z.enum(['auto', 'open', 'closed']).default('open'),
  openingHours: openingScheduleSchema.default({ timeZone: 'Europe/Amsterdam', weekly: [], exceptions: [] }),
  /** Busy mode: new visitors are told it may take longer. */
  busy: z.boolean().default(false),
  alternatives: z.array(alternativeSchema).max(10).default(defaultAlternatives),
  /** The anonymous mailbox tells her "we answer within N working days" (so she knows when to look). */
  mailboxAnswerDays: z.number().int().min(1).max(30).default(2),
  /** A counsellor must code her ended chats before taking the next one. */
  requireCodingBeforeNext: z.boolean().default(false),
  /** Ask visitors the optional "How did you find us?" (fixed answers, counted per day only). */
  askHowFound: z.boolean().default(false),
  /**
   * When the service breaks confidentiality, in plain words on the privacy page (per language).
   * Absent: Baken's standard text (only when someone's life is in immediate danger).
   */
  confidentialityNl: z.string().trim().min(1).max(1500).optional(),
  confidentialityEn: z.string().trim().min(1).max(1500).optional(),
  /**
   * Visitor languages switched off (say, no one to check a draft translation yet): not offered on
   * the visitor page, which then speaks Dutch. Dutch itself cannot be switched off.
   */
  disabledLanguages: z
    .array(z.enum(switchableLanguages as [Exclude<VisitorLanguage, 'nl'>, ...Exclude<VisitorLanguage, 'nl'>[]]))
    .max(switchableLanguages.length)
    .refine((list) => new Set(list).size === list.length, 'each language once')
    .default([]),
});
export type ServiceSettings = z.infer<typeof serviceSettingsSchema>;

/** The visitor page is disguised when it has a neutral tab title or a neutral tab icon: then it shows no branding. */
export function isVisitorPageDisguised(settings: Pick<ServiceSettings, 'disguiseTitle' | 'disguiseIcon'>): boolean {
  return Boolean(settings.disguiseTitle?.trim()) || settings.disguiseIcon !== 'baken';
}
/** A change: only the fields it names; `null` removes a setting that has no default. */
export type ServiceSettingsPatch = { [K in keyof ServiceSettings]?: ServiceSettings[K] | (undefined extends ServiceSettings[K] ? null : never) };

/**
 * Not `.partial()`: zod 4 would still fill in the defaults of the fields left out, so changing
 * one setting would reset all the others.
 */
export const serviceSettingsPatchSchema = z.object(
  Object.fromEntries(
    Object.entries(serviceSettingsSchema.shape).map(([name, field]: [string, z.ZodType]) => [
      name,
      field instanceof z.ZodDefault
        ? (field.unwrap() as z.ZodType).optional()
        : field instanceof z.ZodOptional
          ? (field.unwrap() as z.ZodType).nullable().optional()
          : field.optional(),
    ]),
  ),
) as unknown as z.ZodType<ServiceSettingsPatch>;
