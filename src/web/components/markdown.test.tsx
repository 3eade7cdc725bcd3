// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SafeMarkdown } from './markdown';

afterEach(cleanup);

describe('SafeMarkdown', () => {
  it('should render no script or raw HTML element when the text contains HTML', () => {
    const { container } = render(
      <SafeMarkdown>
        {'Hello <script>window.hacked = 1</script> <img src=x onerror="alert(1)"> **world**'}
      </SafeMarkdown>,
    );
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('strong')?.textContent).toBe('world');
  });

  it('should drop a javascript: link target when a link uses one', () => {
    const { container } = render(
      <SafeMarkdown>{'[click](javascript:alert(1)) and [docs](https://example.com)'}</SafeMarkdown>,
    );
    const links = [...container.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href') ?? '')).toEqual(['', 'https://example.com']);
    expect(links[1]?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('should render a task list as disabled checkboxes when the text uses "- [ ]" items', () => {
    const { container } = render(<SafeMarkdown>{'- [x] write the spec\n- [ ] ship it'}</SafeMarkdown>);
    const boxes = [...container.querySelectorAll('input[type="checkbox"]')] as HTMLInputElement[];
    expect(boxes.map((box) => [box.checked, box.disabled])).toEqual([
      [true, true],
      [false, true],
    ]);
    expect(container.textContent).not.toContain('[ ]');
  });

  it('should keep a bare javascript: text as text when autolinks are on', () => {
    const { container } = render(<SafeMarkdown>{'see javascript:alert(1) or www.example.com'}</SafeMarkdown>);
    const hrefs = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['http://www.example.com']);
  });
});
