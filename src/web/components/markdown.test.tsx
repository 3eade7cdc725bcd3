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
});
