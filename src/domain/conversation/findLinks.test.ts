import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLinks, type TextPart } from './findLinks.js';

const links = (text: string) => findLinks(text).filter((p) => p.kind === 'link').map((p) => p.text);
const joined = (parts: TextPart[]) => parts.map((p) => p.text).join('');

// Text made of the pieces that matter: addresses, lookalike schemes, punctuation, brackets, spaces.
const piece = fc.oneof(
  fc.constantFrom('http://', 'https://', 'HTTPS://', 'javascript:', 'data:', 'ftp://', 'mailto:', 'www.', 'x', 'a.nl', '/pad', '?q=1', '#top'),
  fc.constantFrom('.', ',', ')', '(', '!', '?', ';', ':', '"', "'", ']', '[', ' ', '\n', '<', '>', '”', '…'),
  fc.string({ maxLength: 6 }),
  fc.webUrl(),
);
const chatText = fc.array(piece, { maxLength: 12 }).map((xs) => xs.join(''));

describe('finding links in chat text', () => {
  it('finds a web address in a sentence and leaves the full stop out', () => {
    expect(findLinks('Kijk op https://www.kindertelefoon.nl.')).toEqual([
      { kind: 'text', text: 'Kijk op ' },
      { kind: 'link', text: 'https://www.kindertelefoon.nl', href: 'https://www.kindertelefoon.nl' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('leaves trailing punctuation and unmatched brackets out, keeps matched ones', () => {
    expect(links('(zie http://a.nl/x), of https://b.nl/y?!')).toEqual(['http://a.nl/x', 'https://b.nl/y']);
    expect(links('https://nl.wikipedia.org/wiki/Baken_(teken).')).toEqual(['https://nl.wikipedia.org/wiki/Baken_(teken)']);
  });

  it('never makes a link of other schemes', () => {
    expect(links('javascript:alert(1) data:text/html,<b>x</b> ftp://a.nl mailto:a@b.nl www.a.nl')).toEqual([]);
    expect(links('javascript:https://a.nl')).toEqual(['https://a.nl']);
    expect(links('xhttps://a.nl')).toEqual([]);
    expect(links('https:// en http://')).toEqual([]);
  });

  it('gives back the original text exactly when the parts are joined', () => {
    fc.assert(fc.property(chatText, (text) => joined(findLinks(text)) === text));
  });

  it('only turns http and https addresses into links, never javascript: or data:', () => {
    fc.assert(
      fc.property(chatText, (text) =>
        findLinks(text).every((p) => p.kind === 'text' || (/^https?:\/\//i.test(p.href) && p.href === p.text && !/^\s*(javascript|data):/i.test(p.href))),
      ),
    );
  });

  it('never ends a link with sentence punctuation or a bracket that was not opened in it', () => {
    fc.assert(
      fc.property(chatText, (text) =>
        links(text).every((link) => !/[.,!?;:'"”…]$/.test(link) && (!link.endsWith(')') || link.split('(').length >= link.split(')').length)),
      ),
    );
  });

  it('finds every generated address placed between spaces', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['http', 'https'] }), (url) => {
        const found = links(`zie ${url} nu`);
        return found.length === 1 && url.startsWith(found[0]!);
      }),
    );
  });
});
