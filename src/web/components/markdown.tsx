import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

const components: Components = {
  // Links leave Headway in a new tab without handing it a reference to this window.
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer" />,
  // An image whose address the URL filter dropped (javascript: and the like) keeps only its text.
  img: ({ node: _node, src, alt, ...props }) =>
    src ? <img src={src} alt={alt ?? ''} {...props} /> : <span>{alt}</span>,
};

// GitHub-flavoured Markdown: task lists (`- [ ] …`), tables, strikethrough and bare links, as
// people write them in Jira, Linear and GitHub. Task-list checkboxes render disabled.
const REMARK_PLUGINS = [remarkGfm];

/**
 * Markdown written by people (descriptions, comments), rendered safely: raw HTML is not
 * rendered, and react-markdown's URL filter drops javascript: and other unsafe links.
 */
export function SafeMarkdown({ children }: { children: string }) {
  return (
    <div className="markdown">
      <Markdown components={components} remarkPlugins={REMARK_PLUGINS} skipHtml>
        {children}
      </Markdown>
    </div>
  );
}
