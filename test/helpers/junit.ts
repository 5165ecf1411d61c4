/**
 * A validator for JUnit XML against the Jenkins xUnit plugin's junit-10.xsd (vendored in
 * test/schemas with its source and MIT licence), run by libxml2's xmllint compiled to WebAssembly
 * (xmllint-wasm): the check Jenkins itself applies, with no system package to install.
 */
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';

const schema = readFileSync(new URL('../schemas/junit-10.xsd', import.meta.url), 'utf8');

/** Whether the XML is valid against the schema, and xmllint's messages when it is not. */
export async function validateJunit(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const result = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [{ fileName: 'junit-10.xsd', contents: schema }] });
  return { valid: result.valid, errors: result.errors.map((error) => error.rawMessage) };
}
