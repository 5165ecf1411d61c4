/**
 * Reads an XML part of an Office file as a stream of elements and text, with namespaces
 * resolved. Content is data: a DOCTYPE (the way to external entities and entity expansion bombs)
 * is refused, since no Office or OpenDocument part has one.
 */
import { SaxesParser } from 'saxes';
import { FormatError } from '../../model/document.js';

export interface XmlElement {
  uri: string;
  local: string;
  /** attributes by `{uri}local` (`local` alone when unqualified) */
  attributes: Map<string, string>;
}

export interface XmlHandlers {
  open?(element: XmlElement): void;
  close?(element: XmlElement): void;
  text?(text: string): void;
}

/** Namespace URIs by the short names the readers use. */
export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  p: 'http://schemas.openxmlformats.org/presentationml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
  table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  draw: 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0',
  style: 'urn:oasis:names:tc:opendocument:xmlns:style:1.0',
  fo: 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0',
  presentation: 'urn:oasis:names:tc:opendocument:xmlns:presentation:1.0',
  xlink: 'http://www.w3.org/1999/xlink',
  manifest: 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0',
} as const;

/** The value of attribute `local` in namespace `uri` (or unqualified when `uri` is empty). */
export function attr(element: XmlElement, uri: string, local: string): string | undefined {
  return element.attributes.get(uri ? `{${uri}}${local}` : local);
}

export function parseXml(xml: string, part: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const stack: XmlElement[] = [];
  let failure: string | undefined;
  parser.on('doctype', () => {
    throw new FormatError(`refused: the part ${part} declares a DOCTYPE, which no Office file has (entities are never expanded)`);
  });
  parser.on('opentag', (tag) => {
    const attributes = new Map<string, string>();
    for (const attribute of Object.values(tag.attributes)) {
      attributes.set(attribute.uri ? `{${attribute.uri}}${attribute.local}` : attribute.local, attribute.value);
    }
    const element: XmlElement = { uri: tag.uri ?? '', local: tag.local ?? tag.name, attributes };
    stack.push(element);
    handlers.open?.(element);
    if (tag.isSelfClosing) {
      stack.pop();
      handlers.close?.(element);
    }
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    const element = stack.pop();
    if (element) handlers.close?.(element);
  });
  parser.on('text', (text) => handlers.text?.(text));
  parser.on('cdata', (text) => handlers.text?.(text));
  parser.on('error', (error) => {
    failure ??= error.message.split('\n')[0];
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof FormatError) throw error;
    failure ??= error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
  if (failure !== undefined) throw new FormatError(`corrupt: the part ${part} is not well-formed XML (${failure})`);
}
