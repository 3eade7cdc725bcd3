import Markdown, { type Components } from 'react-markdown';

const components: Components = {
  // Links leave Headway in a new tab without handing it a reference to this window.
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer" />,
};

/**
 * Markdown written by people (descriptions, comments), rendered safely: raw HTML is not
 * rendered, and react-markdown's URL filter drops javascript: and other unsafe links.
 */
export function SafeMarkdown({ children }: { children: string }) {
  return (
    <div className="markdown">
      <Markdown components={components} skipHtml>
        {children}
      </Markdown>
    </div>
  );
}
