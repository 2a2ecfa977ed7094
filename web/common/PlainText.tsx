// Chat text is always shown as text: React escapes it, nothing is parsed as HTML or
// Markdown, and links stay plain (not clickable, nothing is fetched). Line breaks are kept
// by CSS (white-space: pre-wrap), not by inserting markup.
export function PlainText({ text, className }: { text: string; className?: string }) {
  return <span className={className ? `plain-text ${className}` : 'plain-text'}>{text}</span>;
}
