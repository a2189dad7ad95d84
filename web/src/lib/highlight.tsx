import type { ReactNode } from 'react';

const entities: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
};

export function decodeEntities(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|#39|#x27);/g, (m) => entities[m] ?? m);
}

/** Plain text of a server highlight (HTML-escaped text with <mark> around hits). */
export function highlightText(s: string): string {
  return decodeEntities(s.replace(/<\/?mark>/g, ''));
}

/** Renders a server highlight without injecting HTML: only <mark> becomes an element. */
export function Highlight({ html }: { html: string }): ReactNode {
  const parts = html.split(/(<mark>[\s\S]*?<\/mark>)/g);
  return (
    <span className="kb-hit">
      {parts.map((p, i) =>
        p.startsWith('<mark>') ? (
          <mark key={i}>{decodeEntities(p.slice(6, -7))}</mark>
        ) : (
          <span key={i}>{decodeEntities(p.replace(/<[^>]*>/g, ''))}</span>
        ),
      )}
    </span>
  );
}
