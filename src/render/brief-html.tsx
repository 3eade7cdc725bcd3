/**
 * The brief as an e-mail-ready HTML digest: one standalone document, styles in its head, no
 * scripts, images or external assets. Rendered with React's static renderer, so every line's text
 * is escaped by the template; links are the brief's own app paths made absolute with the
 * server's origin (resolveBriefLink), never anything the data says.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { type Brief, type BriefLine, type BriefSection, resolveBriefLink } from '../domain/brief';

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2330;max-width:44rem;margin:1.5rem auto;padding:0 1rem}
h1{font-size:1.4rem;margin-bottom:.2rem}h2{font-size:1.1rem;border-bottom:2px solid #e3e6ec;padding-bottom:.2rem;margin-top:1.6rem}
.meta,.empty,.detail{color:#5b6475}ul{padding-left:1.2rem}li{margin:.35rem 0}a{color:#1f5fbf}
.detail{display:block;font-size:.9em}
`;

function LineLink({ text, href, origin }: { text: string; href: string | null; origin: string | null }) {
  const url = href === null ? null : resolveBriefLink(href, origin);
  return url ? <a href={url}>{text}</a> : <span>{text}</span>;
}

function Line({ line, origin }: { line: BriefLine; origin: string | null }) {
  return (
    <li>
      <LineLink text={line.text} href={line.href} origin={origin} />
      {line.detail && (
        <>
          {' '}
          <span className="detail">{line.detail}</span>
        </>
      )}
    </li>
  );
}

function Section({ section, origin }: { section: BriefSection; origin: string | null }) {
  return (
    <section>
      <h2>{section.title}</h2>
      {section.lines.length === 0 ? (
        <p className="empty">{section.empty}</p>
      ) : (
        <ul>
          {section.lines.map((line, index) => (
            // Lines have no id of their own; their order is the brief's.
            // biome-ignore lint/suspicious/noArrayIndexKey: a static render, never reordered
            <Line key={index} line={line} origin={origin} />
          ))}
          {section.more > 0 && (
            <li>
              <LineLink text={`${section.more} more`} href={section.moreHref} origin={origin} />
            </li>
          )}
        </ul>
      )}
    </section>
  );
}

/**
 * Renders the brief as one HTML document for an e-mail or a browser.
 * @param brief the brief
 * @param options.origin the server's origin, for absolute links (null: app paths)
 * @returns the document, starting with its doctype
 */
export function renderBriefHtml(brief: Brief, options: { origin: string | null }): string {
  const title = `Weekly brief for ${brief.personName}`;
  const body = renderToStaticMarkup(
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <title>{title}</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <h1>{title}</h1>
        <p className="meta">
          From {brief.since} to {brief.today}.
        </p>
        {brief.sections.map((section) => (
          <Section key={section.kind} section={section} origin={options.origin} />
        ))}
      </body>
    </html>,
  );
  return `<!doctype html>\n${body}`;
}
