import { isVisitorLanguage, languageInfo } from '../../../src/protocol/languageInfo.js';

/** A visitor language as staff see it: its own name (marked with its lang) and its code, "Polski (pl)". */
export function LanguageName({ code }: { code: string }) {
  if (!isVisitorLanguage(code)) return <>{code}</>;
  const info = languageInfo[code];
  return (
    <>
      <span lang={code} dir={info.dir}>
        {info.ownName}
      </span>{' '}
      ({code})
    </>
  );
}

/** The same as plain text, for an accessible name or a title. */
export function languageLabel(code: string): string {
  return isVisitorLanguage(code) ? `${languageInfo[code].ownName} (${code})` : code;
}
