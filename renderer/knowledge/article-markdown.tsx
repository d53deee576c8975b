// A knowledge article's Markdown as React elements: headings, paragraphs, lists, **bold**,
// *italic*, `code` and http(s) links. Safe by construction: every piece of text is a React text
// node, so an article can never inject HTML or script; anything else stays as the text it is.
// (No Markdown library is installed; this is the small subset articles need.)

import type { ReactNode } from 'react';

/** Only links a browser opens as a page: never javascript:, data: or a relative path. */
const SAFE_LINK = /^https?:\/\/[^\s]+$/i;
const INLINE = /(\*\*[^*]+\*\*|\*[^*\s][^*]*\*|`[^`]+`|\[[^\]]+\]\([^)\s]+\))/g;

function inline(text: string, key: string): ReactNode[] {
  return text.split(INLINE).map((part, i) => {
    const k = `${key}.${i}`;
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4)
      return <strong key={k}>{part.slice(2, -2)}</strong>;
    if (part.startsWith('`') && part.endsWith('`') && part.length > 2)
      return <code key={k}>{part.slice(1, -1)}</code>;
    if (part.startsWith('*') && part.endsWith('*') && part.length > 2)
      return <em key={k}>{part.slice(1, -1)}</em>;
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part);
    if (link) {
      const [, label = '', href = ''] = link;
      return SAFE_LINK.test(href) ? (
        <a key={k} href={href} target="_blank" rel="noopener noreferrer">
          {label}
        </a>
      ) : (
        part
      );
    }
    return part;
  });
}

type Block =
  | { kind: 'heading'; level: 3 | 4; text: string }
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'list'; ordered: boolean; items: string[] };

function blocksOf(markdown: string): Block[] {
  const blocks: Block[] = [];
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const last = blocks.at(-1);
    if (line === '') {
      blocks.push({ kind: 'paragraph', lines: [] });
      continue;
    }
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    if (heading) {
      // The article's title is the dialog's heading (h2): # and ## sit right below it, ### below those.
      const level = (heading[1]?.length ?? 1) <= 2 ? 3 : 4;
      blocks.push({ kind: 'heading', level, text: heading[2] ?? '' });
      continue;
    }
    const item = /^(?:([-*+])|(\d+)[.)])\s+(.*)$/.exec(line);
    if (item) {
      const ordered = item[2] !== undefined;
      if (last?.kind === 'list' && last.ordered === ordered) last.items.push(item[3] ?? '');
      else blocks.push({ kind: 'list', ordered, items: [item[3] ?? ''] });
      continue;
    }
    if (last?.kind === 'paragraph') last.lines.push(line);
    else blocks.push({ kind: 'paragraph', lines: [line] });
  }
  return blocks.filter((b) => b.kind !== 'paragraph' || b.lines.length > 0);
}

export function ArticleMarkdown({ markdown }: { markdown: string }) {
  return (
    <div className="article-body">
      {blocksOf(markdown).map((block, i) => {
        const key = String(i);
        if (block.kind === 'heading') {
          const Heading = `h${block.level}` as const;
          return <Heading key={key}>{inline(block.text, key)}</Heading>;
        }
        if (block.kind === 'list') {
          const items = block.items.map((text, j) => (
            <li key={j}>{inline(text, `${key}.${j}`)}</li>
          ));
          return block.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
        }
        return <p key={key}>{inline(block.lines.join(' '), key)}</p>;
      })}
    </div>
  );
}
