/**
 * The SARIF 2.1.0 reporter: one run, for GitHub code scanning and every other SARIF viewer.
 */
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Finding, Position, RelatedLocation, Severity, SpecItemRef } from '../model/finding.js';
import type { NotRead, NotReadReason, RunResult } from '../model/result.js';
import type { ReportOptions, Reporter, RuleInfo } from './reporter.js';
import { describeSuppression, documentLabel, formatCommand, formatLocation, formatPlace, stripControl } from './text.js';

const schemaUri = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const defaultInformationUri = 'https://www.npmjs.com/package/onemessage';
const srcRoot = '%SRCROOT%';
/** the key of `partialFingerprints`; bump the version when the fingerprint's recipe changes */
export const fingerprintKey = 'onemessage/v1';

const levels: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };

export const sarifReporter: Reporter = {
  name: 'sarif',
  audit: true,
  description: 'SARIF 2.1.0 for GitHub code scanning and other SARIF viewers',
  format: formatSarif,
};

export function formatSarif(result: RunResult, options: ReportOptions): string {
  const rules = ruleTable(result.findings, options.rules);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const artifacts = artifactTable(result);
  const artifactIndex = new Map(artifacts.map((artifact, index) => [artifact.location?.uri, index]));
  const locate = (path: string): Sarif.ArtifactLocation => {
    const location = artifactLocation(path);
    const index = artifactIndex.get(location.uri);
    return index === undefined ? location : { ...location, index };
  };

  const log: Sarif.Log = {
    $schema: schemaUri,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'onemessage',
            version: result.version,
            semanticVersion: result.version,
            informationUri: options.informationUri ?? defaultInformationUri,
            rules: rules.map(ruleDescriptor),
          },
        },
        invocations: [invocation(result)],
        originalUriBaseIds: { [srcRoot]: { uri: directoryUri(options.cwd) } },
        artifacts,
        results: result.findings.map((finding) => sarifResult({ finding, ruleIndex, locate })),
        columnKind: 'utf16CodeUnits',
        properties: {
          asOf: result.asOf,
          spec: { ...result.spec },
          ...(result.git ? { git: { ...result.git } } : {}),
          ...(result.channels ? { channels: result.channels } : {}),
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** The rules the caller knows, in its order, then any rule a finding names that it does not. */
function ruleTable(findings: readonly Finding[], known: readonly RuleInfo[]): RuleInfo[] {
  const rules = [...known];
  const ids = new Set(known.map((rule) => rule.id));
  for (const finding of findings) {
    if (ids.has(finding.ruleId)) continue;
    ids.add(finding.ruleId);
    rules.push({ id: finding.ruleId, description: finding.ruleId, defaultSeverity: finding.severity, fixable: false });
  }
  return rules;
}

/**
 * A rule as code scanning shows it beside an alert: short and full descriptions and help, each as
 * plain text and Markdown, the page it links to, and every message the rule can give by id
 * (`{{name}}` is SARIF's escape for a literal `{name}`, so a viewer shows the template as written).
 */
function ruleDescriptor(rule: RuleInfo): Sarif.ReportingDescriptor {
  const details = rule.details ?? rule.description;
  return {
    id: rule.id,
    shortDescription: { text: plain(inlineText(rule.description)), markdown: plain(rule.description) },
    fullDescription: { text: plain(inlineText(details)), markdown: plain(details) },
    ...(rule.help ? { help: { text: plain(rule.help.text), markdown: plain(rule.help.markdown) } } : {}),
    ...(rule.docsUrl !== undefined && isAbsoluteUri(rule.docsUrl) ? { helpUri: rule.docsUrl } : {}),
    ...(rule.messages && Object.keys(rule.messages).length > 0
      ? { messageStrings: Object.fromEntries(Object.entries(rule.messages).map(([id, template]) => [id, { text: plain(template) }])) }
      : {}),
    defaultConfiguration: { level: levels[rule.defaultSeverity] },
    properties: { fixable: rule.fixable },
  };
}

/** Inline Markdown read as text: code spans without their backticks. */
function inlineText(markdown: string): string {
  return markdown.replace(/(`+)([^`]*?)\1/g, '$2');
}

function artifactTable(result: RunResult): Sarif.Artifact[] {
  // With nested specs, every brand's spec is configuration the run used, after the root's.
  const specs = [result.spec, ...(result.specs ?? []).filter((other) => other.path !== result.spec.path)].map(
    (spec): Sarif.Artifact => ({
      location: artifactLocation(spec.path),
      roles: ['userSpecifiedConfiguration'],
      hashes: { 'sha-256': spec.sha256 },
    }),
  );
  const files = result.files.map(
    (file): Sarif.Artifact => ({
      location: artifactLocation(file.path),
      length: file.bytes,
      roles: ['analysisTarget'],
      ...(file.sha256 !== undefined ? { hashes: { 'sha-256': file.sha256 } } : {}),
      properties: {
        documents: file.documents,
        ...(file.format !== undefined ? { format: file.format } : {}),
        ...(file.channel !== undefined ? { channel: file.channel } : {}),
        ...(file.spec !== undefined ? { spec: file.spec } : {}),
      },
    }),
  );
  // a spec may also be a checked file (it never is in practice); list each location once
  const checked = new Set(files.map((file) => file.location?.uri));
  return [...specs.filter((spec) => !checked.has(spec.location?.uri)), ...files];
}

function invocation(result: RunResult): Sarif.Invocation {
  return {
    executionSuccessful: true,
    ...(result.command ? { commandLine: formatCommand(result.command), arguments: result.command } : {}),
    ...(result.startedAt !== undefined ? { startTimeUtc: result.startedAt } : {}),
    toolConfigurationNotifications: result.warnings.map((warning) => ({
      level: 'warning',
      message: { text: plain(warning) },
    })),
    ...(result.notRead ? { toolExecutionNotifications: result.notRead.map(notReadNotification) } : {}),
  };
}

const notReadWords: Record<NotReadReason, (one: boolean) => string> = {
  mappable: (one) => `no reader reads ${one ? 'it' : 'them'}; map ${one ? 'it' : 'them'} to one with formats.extensions in the spec`,
  other: (one) => `no reader reads ${one ? 'it' : 'them'}`,
  'not-copy': () => 'not copy (images, fonts, media, archives or binaries)',
  code: () => 'code or data',
};

/** Files of one extension the run passed over: a warning when they may be copy no reader read, a note otherwise. */
function notReadNotification(entry: NotRead): Sarif.Notification {
  const files = `${entry.files} ${entry.extension ? `${entry.extension} ` : ''}file${entry.files === 1 ? '' : 's'}${entry.extension ? '' : ' without an extension'}`;
  return {
    level: entry.reason === 'mappable' || entry.reason === 'other' ? 'warning' : 'note',
    message: { text: plain(`${files} not read: ${notReadWords[entry.reason](entry.files === 1)}`) },
    descriptor: { id: 'onemessage/not-read' },
    properties: { extension: entry.extension, files: entry.files, reason: entry.reason },
  };
}

interface ResultContext {
  finding: Finding;
  ruleIndex: Map<string, number>;
  locate(path: string): Sarif.ArtifactLocation;
}

function sarifResult({ finding, ruleIndex, locate }: ResultContext): Sarif.Result {
  const related = finding.related.map((place) => relatedLocation(place, locate));
  const specLocation = finding.item ? specItemLocation(finding.item, locate) : undefined;
  if (specLocation) related.push(specLocation);
  const properties: Record<string, unknown> = {};
  if (finding.channel !== undefined) properties.channel = finding.channel;
  if (finding.item) properties.item = { kind: finding.item.kind, id: finding.item.id };
  if (finding.documentTitle !== undefined) properties.documentTitle = finding.documentTitle;
  if (finding.documentId !== undefined) properties.documentId = finding.documentId;
  if (finding.documentInactive) properties.documentInactive = true;
  // an inferred fact statement is a judgement, not a template match: code-scanning readers filter on it
  if (finding.variant !== undefined) properties.variant = finding.variant;
  if (finding.context) properties.sentence = finding.context.text;

  return {
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
    level: levels[finding.severity],
    message: { text: message(finding.message), ...(finding.messageId !== undefined ? { id: finding.messageId } : {}) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: locate(finding.path),
          ...regionOf({ start: finding.start, end: finding.end, excerpt: finding.excerpt }),
        },
        ...logicalOf(finding.path, finding.start),
      },
    ],
    ...(related.length > 0 ? { relatedLocations: related.map((location, id) => ({ id, ...location })) } : {}),
    ...(finding.fingerprint !== undefined ? { partialFingerprints: { [fingerprintKey]: finding.fingerprint } } : {}),
    ...(finding.fix
      ? {
          fixes: [
            {
              description: { text: `Replace with "${plain(finding.fix.text)}"` },
              artifactChanges: [
                {
                  artifactLocation: locate(finding.path),
                  replacements: [
                    {
                      deletedRegion: { charOffset: finding.fix.start, charLength: finding.fix.end - finding.fix.start },
                      insertedContent: { text: finding.fix.text },
                    },
                  ],
                },
              ],
            },
          ],
        }
      : {}),
    ...(finding.suppression ? { suppressions: [suppressionOf(finding.suppression, locate)] } : {}),
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
  };
}

function relatedLocation(place: RelatedLocation, locate: ResultContext['locate']): Sarif.Location {
  const where = [place.channel !== undefined ? `in ${place.channel}` : undefined, documentLabel(place)]
    .filter((part) => part !== undefined)
    .join(', ');
  return {
    physicalLocation: { artifactLocation: locate(place.path), ...regionOf(place) },
    ...logicalOf(place.path, place.start),
    message: { text: message(where ? `${place.message} (${where})` : place.message) },
    // a contradiction (another channel's statement) or context (what the section is about)
    properties: { kind: place.kind },
  };
}

/**
 * For a point in an Office document or a PDF, the place a person can find it, as a logical
 * location; the region beside it counts in the text onemessage extracted, one paragraph a line.
 */
function logicalOf(path: string, start: Position): { logicalLocations?: Sarif.LogicalLocation[] } {
  if (!start.place) return {};
  const { place } = start;
  return {
    logicalLocations: [
      {
        name: formatPlace(place),
        fullyQualifiedName: formatLocation(path, start),
        kind: place.part ?? place.unit ?? 'paragraph',
        properties: { ...place },
      },
    ],
  };
}

/** The spec line of the item a finding breaks; built-in packs have no file to point at. */
function specItemLocation(item: SpecItemRef, locate: ResultContext['locate']): Sarif.Location | undefined {
  if (item.file.startsWith('pack:')) return undefined;
  const region = item.line >= 1 ? { region: { startLine: item.line, ...(item.column >= 1 ? { startColumn: item.column } : {}) } } : {};
  return {
    physicalLocation: { artifactLocation: locate(item.file), ...region },
    message: { text: message(`spec ${item.kind} ${item.id}`) },
  };
}

function suppressionOf(suppression: NonNullable<Finding['suppression']>, locate: ResultContext['locate']): Sarif.Suppression {
  const written =
    suppression.path !== undefined
      ? {
          location: {
            physicalLocation: {
              artifactLocation: locate(suppression.path),
              ...(suppression.line !== undefined && suppression.line >= 1 ? { region: { startLine: suppression.line } } : {}),
            },
          },
        }
      : {};
  return {
    kind: suppression.kind === 'directive' ? 'inSource' : 'external',
    status: 'accepted',
    justification: plain(describeSuppression(suppression)),
    ...written,
    properties: {
      origin: suppression.kind,
      reason: suppression.reason,
      ...(suppression.approvedBy !== undefined ? { approvedBy: suppression.approvedBy } : {}),
      ...(suppression.until !== undefined ? { until: suppression.until } : {}),
    },
  };
}

/** Line:col, offsets and the excerpt; a place without a valid line (an unreadable file) has no region. */
function regionOf(place: { start: Position; end: Position; excerpt?: string }): { region?: Sarif.Region } {
  const { start, end } = place;
  if (start.line < 1 || start.column < 1) return {};
  const region: Sarif.Region = { startLine: start.line, startColumn: start.column };
  if (end.line >= start.line && end.column >= 1) {
    region.endLine = end.line;
    region.endColumn = end.column;
  }
  if (start.offset >= 0 && end.offset >= start.offset) {
    region.charOffset = start.offset;
    region.charLength = end.offset - start.offset;
  }
  if (place.excerpt !== undefined) region.snippet = { text: place.excerpt };
  return { region };
}

/** A relative path becomes a URI reference against %SRCROOT%; an absolute one a file: URI. */
export function artifactLocation(path: string): Sarif.ArtifactLocation {
  const slashed = path.replace(/\\/g, '/');
  if (/^[A-Za-z]:\//.test(slashed) || slashed.startsWith('/')) return { uri: pathToFileURL(path).href };
  return { uri: encodePath(slashed), uriBaseId: srcRoot };
}

/** Percent-encodes each segment (spaces, `%`, `#`, `?`, non-ASCII) and keeps the slashes. */
export function encodePath(path: string): string {
  // a first segment holding `:` would read as a URI scheme, so it is encoded too
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

function directoryUri(cwd: string): string {
  const href = pathToFileURL(cwd).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function isAbsoluteUri(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/.test(text);
}

/** SARIF message text: plain, and literal brackets escaped so that no viewer reads an embedded link. */
function message(text: string): string {
  return plain(text).replace(/[[\]]/g, '\\$&');
}

function plain(text: string): string {
  return stripControl(text);
}
