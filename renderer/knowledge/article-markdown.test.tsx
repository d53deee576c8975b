// An article's Markdown as the agent reads it: the subset shown as structure, and HTML, scripts
// and unsafe links shown as the harmless text they are.

import { render, screen } from '@testing-library/react';
import { expect, it } from 'vitest';
import { ArticleMarkdown } from './article-markdown';

it('shows headings, lists, emphasis, code and web links', () => {
  const { container } = render(
    <ArticleMarkdown
      markdown={
        '## Clear the queue\nOpen **Devices and printers**, then *See what is printing*.\n\n1. Cancel all\n2. Run `net stop spooler`\n\n- See [the guide](https://intranet.example.org/print)'
      }
    />,
  );
  expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('Clear the queue');
  expect(container.querySelector('strong')?.textContent).toBe('Devices and printers');
  expect(container.querySelector('em')?.textContent).toBe('See what is printing');
  expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
    'Cancel all',
    'Run net stop spooler',
    'See the guide',
  ]);
  expect(screen.getByRole('link', { name: 'the guide' }).getAttribute('href')).toBe(
    'https://intranet.example.org/print',
  );
});

it('never renders HTML or a script link: they stay text', () => {
  const { container } = render(
    <ArticleMarkdown
      markdown={
        '<img src=x onerror="alert(1)"> <script>alert(2)</script>\n\n[click](javascript:alert(3))'
      }
    />,
  );
  expect(container.querySelector('img, script')).toBeNull();
  expect(screen.queryByRole('link')).toBeNull();
  expect(container.textContent).toContain('<script>alert(2)</script>');
  expect(container.textContent).toContain('[click](javascript:alert(3))');
});
