import { z } from 'zod';

// A codebook is data, not code: forms, validation, CSV columns and the monitor are all driven
// by it, so a service can add a field or an option by publishing a new codebook version.

/** Stable machine codes: they end up in CSV exports and years of research data, so keep them boring. */
export const codeSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_]*$/, 'codes are lower-case letters, digits and underscores');

/** Every label exists in Dutch (the default language) and English. */
export const localizedTextSchema = z.object({
  nl: z.string().min(1),
  en: z.string().min(1),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const codeOptionSchema = z.object({
  code: codeSchema,
  label: localizedTextSchema,
  /** For sub-form fields: the option code in the parent field this sub-form belongs to. */
  parent: codeSchema.optional(),
  /** A semantic group the monitor counts on (e.g. all third-party kinds, all parent relations). */
  group: codeSchema.optional(),
  /** An option such as "none" that cannot be combined with other options in a multi field. */
  exclusive: z.boolean().optional(),
});
export type CodeOption = z.infer<typeof codeOptionSchema>;

export type FieldCondition =
  | { readonly kind: 'equals'; readonly field: string; readonly value: string | number | boolean }
  | { readonly kind: 'in'; readonly field: string; readonly values: readonly string[] }
  | { readonly kind: 'includesAny'; readonly field: string; readonly values: readonly string[] }
  | { readonly kind: 'known'; readonly field: string }
  | { readonly kind: 'all'; readonly conditions: readonly FieldCondition[] }
  | { readonly kind: 'any'; readonly conditions: readonly FieldCondition[] }
  | { readonly kind: 'not'; readonly condition: FieldCondition };

export const fieldConditionSchema: z.ZodType<FieldCondition> = z.lazy(() =>
  z.union([
    z.object({ kind: z.literal('equals'), field: codeSchema.or(z.string().min(1)), value: z.union([z.string(), z.number(), z.boolean()]) }),
    z.object({ kind: z.literal('in'), field: z.string().min(1), values: z.array(z.string()).min(1) }),
    z.object({ kind: z.literal('includesAny'), field: z.string().min(1), values: z.array(z.string()).min(1) }),
    z.object({ kind: z.literal('known'), field: z.string().min(1) }),
    z.object({ kind: z.literal('all'), conditions: z.array(fieldConditionSchema).min(1) }),
    z.object({ kind: z.literal('any'), conditions: z.array(fieldConditionSchema).min(1) }),
    z.object({ kind: z.literal('not'), condition: fieldConditionSchema }),
  ]),
);

const fieldIdSchema = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'field ids are camelCase');

const fieldBase = {
  id: fieldIdSchema,
  label: localizedTextSchema,
  help: localizedTextSchema.optional(),
  /** A visible required field must hold a value ("unknown" counts when allowed). */
  required: z.boolean(),
  /** Whether "unknown" may be coded: the visitor did not say. */
  allowUnknown: z.boolean(),
  /** The field is shown (and may hold a value) only when this holds; hidden fields must stay empty. */
  showWhen: fieldConditionSchema.optional(),
  /** Offered again to the counsellor when a visitor returns with her return code. */
  carryForward: z.boolean().optional(),
};

export const singleFieldSchema = z.object({ ...fieldBase, kind: z.literal('single'), options: z.array(codeOptionSchema).min(1) });
export const multiFieldSchema = z.object({
  ...fieldBase,
  kind: z.literal('multi'),
  options: z.array(codeOptionSchema).min(1),
  /** Sub-form fields: every chosen option's `parent` must be chosen in this field. */
  parentField: fieldIdSchema.optional(),
});
export const integerFieldSchema = z.object({ ...fieldBase, kind: z.literal('integer'), min: z.number().int(), max: z.number().int() });
export const booleanFieldSchema = z.object({ ...fieldBase, kind: z.literal('boolean') });

export const codebookFieldSchema = z.discriminatedUnion('kind', [
  singleFieldSchema,
  multiFieldSchema,
  integerFieldSchema,
  booleanFieldSchema,
]);
export type CodebookField = z.infer<typeof codebookFieldSchema>;
export type SingleField = z.infer<typeof singleFieldSchema>;
export type MultiField = z.infer<typeof multiFieldSchema>;
export type IntegerField = z.infer<typeof integerFieldSchema>;
export type BooleanField = z.infer<typeof booleanFieldSchema>;

/** Age bands derived from the coded age; bands are disjoint so "<15" and "<=15" are both sums of bands. */
export const ageBandSchema = z.object({
  code: codeSchema,
  label: localizedTextSchema,
  min: z.number().int().min(0),
  /** Inclusive upper bound; omitted for the open top band. */
  max: z.number().int().optional(),
});
export type AgeBand = z.infer<typeof ageBandSchema>;

export const codebookSchema = z
  .object({
    id: codeSchema,
    /** Each coding stores this version, so old codings stay interpretable after the codebook changes. */
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'version is semantic (major.minor.patch)'),
    title: localizedTextSchema,
    fields: z.array(codebookFieldSchema).min(1),
    ageField: fieldIdSchema,
    ageBands: z.array(ageBandSchema).min(1),
  })
  .superRefine((codebook, ctx) => {
    const ids = new Set<string>();
    for (const field of codebook.fields) {
      if (ids.has(field.id)) ctx.addIssue({ code: 'custom', message: `duplicate field id ${field.id}` });
      ids.add(field.id);
      if (field.kind === 'single' || field.kind === 'multi') {
        const codes = new Set<string>();
        for (const option of field.options) {
          if (option.code === 'unknown') ctx.addIssue({ code: 'custom', message: `${field.id}: "unknown" is reserved; use allowUnknown` });
          if (codes.has(option.code)) ctx.addIssue({ code: 'custom', message: `${field.id}: duplicate option ${option.code}` });
          codes.add(option.code);
        }
      }
    }
    for (const field of codebook.fields) {
      for (const ref of conditionFields(field.showWhen)) {
        if (!ids.has(ref)) ctx.addIssue({ code: 'custom', message: `${field.id}: condition refers to unknown field ${ref}` });
      }
      if (field.kind === 'multi' && field.parentField !== undefined && !ids.has(field.parentField)) {
        ctx.addIssue({ code: 'custom', message: `${field.id}: unknown parent field ${field.parentField}` });
      }
    }
    if (!codebook.fields.some((f) => f.id === codebook.ageField && f.kind === 'integer')) {
      ctx.addIssue({ code: 'custom', message: `ageField ${codebook.ageField} must be an integer field` });
    }
  });
export type Codebook = z.infer<typeof codebookSchema>;

function conditionFields(condition: FieldCondition | undefined): string[] {
  if (condition === undefined) return [];
  switch (condition.kind) {
    case 'all':
    case 'any':
      return condition.conditions.flatMap(conditionFields);
    case 'not':
      return conditionFields(condition.condition);
    default:
      return [condition.field];
  }
}
