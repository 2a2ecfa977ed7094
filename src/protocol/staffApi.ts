// Request bodies and responses of the console's HTTP API (JSON over /api).
import { z } from 'zod';
import { languageSchema, languages } from './common.js';
import type { DisguiseIcon } from './disguiseIcons.js';
import type { BrandingDto } from './brandingApi.js';

export const staffRoles = ['counsellor', 'supervisor', 'researcher', 'admin'] as const;
export type StaffRoleName = (typeof staffRoles)[number];

const username = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9._-]+$/, 'use letters, digits, dot, dash or underscore');
const displayName = z.string().trim().min(1).max(60);
const password = z.string().min(12, 'at least 12 characters').max(256);

export const loginRequestSchema = z.object({ username: z.string().trim().toLowerCase().min(1).max(40), password: z.string().min(1).max(256) });
export const setupRequestSchema = z.object({ token: z.string().min(20).max(100), username, displayName, password });
/** The visitor languages a counsellor chats in: at least one, each once. */
const staffLanguagesSchema = z
  .array(languageSchema)
  .min(1, 'at least one language')
  .max(languages.length)
  .refine((list) => new Set(list).size === list.length, 'each language once');

export const createStaffRequestSchema = z.object({
  username,
  displayName,
  password,
  role: z.enum(staffRoles),
  maxChats: z.number().int().min(1).max(10).default(3),
  languages: staffLanguagesSchema.default(['nl']),
});
export const updateStaffRequestSchema = z
  .object({
    displayName: displayName.optional(),
    role: z.enum(staffRoles).optional(),
    disabled: z.boolean().optional(),
    maxChats: z.number().int().min(1).max(10).optional(),
    languages: staffLanguagesSchema.optional(),
    password: password.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');

export interface StaffMemberDto {
  id: string;
  username: string;
  displayName: string;
  role: StaffRoleName;
  disabled: boolean;
  maxChats: number;
  /** The visitor languages she chats in (routing offers chats in these to her first). */
  languages: z.infer<typeof languageSchema>[];
  createdAt: number;
  /** Signs in with a temporary password: must choose her own first. */
  mustChangePassword: boolean;
}

export interface MeResponse {
  staff: StaffMemberDto;
  permissions: string[];
  csrfToken: string;
}

export interface PublicConfig {
  quickExitUrl: string;
  /** Days a transcript is kept after the chat ends (shown on the privacy page). */
  retentionDays: number;
  languages: z.infer<typeof languageSchema>[];
  /** Set only when the administrator chose a neutral tab title. */
  disguiseTitle?: string;
  disguiseIcon: DisguiseIcon;
  /** Whether http(s) addresses in chat messages are shown as links (visitor page and console). */
  clickableLinks: boolean;
  /** The administrator's own words on when confidentiality is broken, per language; absent: the standard text. */
  confidentiality: Partial<Record<z.infer<typeof languageSchema>, string>>;
  /** Sites that may frame the visitor page (the widget); its quick exit only messages these. */
  partnerOrigins: string[];
  /** The service's name and logo; only when the visitor page is not disguised. */
  branding?: BrandingDto;
}

/** Error body of every failed API call. */
export interface ApiErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}
