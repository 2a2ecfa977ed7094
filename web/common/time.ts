export function clockTime(ms: number, language: string): string {
  return new Date(ms).toLocaleTimeString(language === 'en' ? 'en-GB' : 'nl-NL', { hour: '2-digit', minute: '2-digit' });
}
