/**
 * Article bodies are Markdown (CommonMark subset). Raw HTML is not part of the format: the web
 * client renders with HTML disabled, and the plain text used for search and snippets drops any
 * tags. This turns Markdown into readable plain text.
 */
export function markdownToText(md: string): string {
  let s = md.replace(/\r\n?/g, '\n');
  s = s.replace(/```[^\n]*\n([\s\S]*?)```/g, '$1'); // fenced code: keep the content
  s = s.replace(/<!--[\s\S]*?-->/g, '');
  s = s.replace(/<\/?[a-zA-Z][^>]*>/g, ''); // raw HTML tags
  s = s.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1'); // images → alt text
  s = s.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1'); // links → text
  s = s.replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, ''); // headings
  s = s.replace(/^[ \t]{0,3}>[ \t]?/gm, ''); // block quotes
  s = s.replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/gm, ''); // list markers
  s = s.replace(/^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$/gm, ''); // rules
  s = s.replace(/^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*(?::?-+:?)?[ \t]*(?:\n|$)/gm, ''); // table separators
  s = s.replace(/\|/g, ' ');
  s = s.replace(/(\*\*|__)(.+?)\1/g, '$2').replace(/(\*|_)(\S.*?)\1/g, '$2'); // emphasis
  s = s.replace(/~~(.+?)~~/g, '$1').replace(/`([^`]+)`/g, '$1');
  s = s
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  s = s
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n');
  return s.trim();
}
