// The shape a translation of a Dutch strings file must have. Plural keys (key_one, key_other in
// Dutch) are left open here because languages have other plural forms (Polish: one, few, many,
// other; Arabic six): web/common/locales/localeParity.test.ts checks those, and every other key.
type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

export type Translation<T> = {
  [K in keyof T as K extends `${string}_${PluralCategory}` ? never : K]: T[K] extends string ? string : Translation<T[K]>;
} & { [K: `${string}_${PluralCategory}`]: string };
