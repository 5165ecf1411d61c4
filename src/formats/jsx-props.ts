/**
 * Which string props of a JSX element in MDX are customer text: the props the spec names for
 * the component (`formats.mdx.props`), else, for an HTML element, the attributes a browser shows,
 * and for a component, props whose value reads as prose and whose name does not say otherwise.
 */
import { isVisibleMeta } from './html.js';

/** Props that hold a reference, a setting or markup, never copy, whatever their value. */
const NOT_COPY_NAMES = new Set([
  'href', 'src', 'srcset', 'id', 'class', 'classname', 'style', 'key', 'ref', 'to', 'url', 'link', 'path', 'slug', 'type',
  'name', 'variant', 'size', 'color', 'colour', 'icon', 'lang', 'locale', 'target', 'rel', 'role', 'width', 'height', 'as',
  'for', 'htmlfor', 'value', 'theme', 'layout', 'align', 'position', 'method', 'action', 'loading', 'decoding', 'sizes',
  'media', 'poster', 'language', 'metastring', 'query', 'pattern', 'format', 'mode', 'kind', 'tag', 'anchor', 'hash',
  'route', 'file', 'filename', 'image', 'img', 'logo', 'avatar', 'background', 'feature', 'plan', 'event', 'goal',
  'version', 'date', 'time', 'datetime', 'email', 'phone', 'tel', 'code', 'lines', 'highlight', 'group', 'groupid',
  'category', 'template', 'component', 'slot', 'dir', 'label-id', 'xmlns', 'viewbox', 'fill', 'stroke', 'd',
]);
/** Name endings that say the same (`buttonUrl`, `heroImage`, `wrapperClassName`, `ctaHref`). */
const NOT_COPY_ENDING = /(?:Url|URL|Uri|URI|Href|Src|Id|ID|Ids|Class|ClassName|Path|Icon|Color|Colour|Key|Slug|Style|Ref|Type|Size|Variant|Image|Img|Logo|Width|Height|Date|Time|Email)$/;
/** Names that say the prop is copy (`headline`, `buttonText`, `ctaLabel`): read whatever the value's shape. */
const COPY_NAME =
  /(?:^|[a-z_-])(?:text|label|title|headline|heading|subheading|subtitle|description|caption|tagline|copy|message|cta|summary|tooltip|placeholder|body|content|quote|note|blurb|intro|teaser|eyebrow|kicker|button|alt|disclaimer|footnote|banner|promo|offer|price|pricing)$/i;

/** HTML attributes a browser shows or reads out. */
const HTML_ATTRIBUTES = new Set(['title', 'aria-label', 'aria-description']);
const HAS_ALT = new Set(['img', 'area', 'input']);

/**
 * Whether a string prop is customer text, and under what field name; undefined when it is not.
 * `element` is the JSX name (`PricingHero`, `img`, `Tabs.Item`); `attributes` reads the element's
 * other string attributes (a `<meta>`'s `name`).
 */
export function propField(options: {
  element: string;
  prop: string;
  value: string;
  named: Record<string, string[]> | undefined;
  attribute(name: string): string | undefined;
}): string | undefined {
  const { element, prop, value, named } = options;
  const listed = named?.[element] ?? named?.['*'];
  if (listed) return listed.includes(prop) ? prop : undefined;
  if (/^[a-z]/.test(element)) return htmlField(element, prop, options.attribute);
  return isCopyProp(prop, value) ? prop : undefined;
}

/** An HTML element written as JSX: the attributes the HTML reader reads. */
function htmlField(element: string, prop: string, attribute: (name: string) => string | undefined): string | undefined {
  if (HTML_ATTRIBUTES.has(prop) || (prop === 'alt' && HAS_ALT.has(element))) return prop;
  if (element === 'meta' && prop === 'content') {
    const key = (attribute('name') ?? attribute('property') ?? '').toLowerCase();
    return isVisibleMeta(key) ? key : undefined;
  }
  return undefined;
}

/** A component's prop: its name may say it is copy, or that it is not; else its value decides. */
export function isCopyProp(prop: string, value: string): boolean {
  const name = prop.toLowerCase();
  if (name.startsWith('data-') || /^on[A-Z]/.test(prop) || (name.startsWith('aria-') && !HTML_ATTRIBUTES.has(name))) return false;
  if (HTML_ATTRIBUTES.has(name) || name === 'alt') return hasLetter(value);
  if (NOT_COPY_NAMES.has(name) || NOT_COPY_ENDING.test(prop)) return false;
  if (COPY_NAME.test(prop)) return hasLetter(value) && !isReference(value.trim());
  return looksLikeProse(value);
}

function hasLetter(value: string): boolean {
  return /\p{L}/u.test(value);
}

/** A URL, an email address, a path or a file name: where copy lives, not copy. */
function isReference(value: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^(?:mailto|tel|data|javascript):/i.test(value) || value.startsWith('//') || /^www\./i.test(value)) return true;
  if (/\s/.test(value)) return false;
  return /^(?:\.{0,2}\/|~\/|#|@\/)/.test(value) || value.includes('/') || /^[\w.-]+\.[a-z][a-z0-9]{0,4}$/i.test(value) || /^[^@\s]+@[^@\s]+\.[a-z]+$/i.test(value);
}

/**
 * Prose: words a person reads. Several words are prose unless they are a list of CSS utility
 * classes (`md:flex`, `block__title--big`) or code; one word is prose when it is not an
 * identifier, a setting or a constant (`primary`, `ecommerce-revenue-tracking`, `onClick`,
 * `API_KEY`), so `Subscribe`, `TrailPack` and `30-day` are read.
 */
export function looksLikeProse(raw: string): boolean {
  const value = raw.trim();
  if (!hasLetter(value) || isReference(value)) return false;
  if (/=>|\(\)|\$\{|[{};]$|^[[{]/.test(value)) return false;
  const tokens = value.split(/\s+/);
  if (tokens.length > 1) {
    // A list of classes: lower-case class names throughout, one at least with a utility or BEM mark.
    const classes = tokens.every((token) => /^[a-z0-9:[\]_./#%-]+$/.test(token)) && tokens.some((token) => /\w:\w|\[|__|--/.test(token));
    return !classes;
  }
  if (/^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/.test(value)) return false;
  if (/^[a-z]+(?:[A-Z][a-z0-9]*)+$/.test(value)) return false;
  if (/^[A-Z0-9]+(?:_[A-Z0-9]+)+$/.test(value)) return false;
  return true;
}
