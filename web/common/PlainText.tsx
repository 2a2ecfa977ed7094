// Chat text is always shown as text: React escapes it, nothing is parsed as HTML or
// Markdown, and nothing is fetched or previewed. Line breaks are kept by CSS
// (white-space: pre-wrap), not by inserting markup. Only when an administrator allows it
// (`links`) do http(s) addresses become links; they open apart from the chat and tell the
// other site nothing about where she came from.
import { findLinks } from '../../src/domain/conversation/findLinks.js';

export function PlainText({ text, className, links = false }: { text: string; className?: string; links?: boolean }) {
  const classes = className ? `plain-text ${className}` : 'plain-text';
  if (!links) return <span className={classes} dir="auto">{text}</span>;
  return (
    <span className={classes} dir="auto">
      {findLinks(text).map((part, i) =>
        part.kind === 'link' ? (
          <a key={i} href={part.href} target="_blank" rel="noopener noreferrer nofollow" referrerPolicy="no-referrer">
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </span>
  );
}
