/**
 * Code actions on findings: apply a finding's fix (escaped as its format writes it); insert an
 * inline directive that waives it, in the format's comment syntax with a reason placeholder, or
 * say why no directive can go there; and fix every fixable finding of the file at once.
 */
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type Range, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { readFromBytes } from '../formats/index.js';
import { planDirective } from '../lint/directive-edit.js';
import { applyFixesToSource } from '../lint/fix.js';
import type { Finding, Fix } from '../model/finding.js';
import type { Session } from '../session.js';
import { toRange, type DiagnosticData } from './convert.js';

export const FIX_ALL = `${CodeActionKind.SourceFixAll}.onemessage`;

export interface CodeActionInput {
  uri: string;
  document: TextDocument;
  /** the document's path relative to the session's folder */
  path: string;
  session: Session;
  /** the findings published for the document's current version */
  findings: Finding[];
  range: Range;
  /** the diagnostics the client sent along, to name in the actions */
  diagnostics: LspDiagnostic[];
  /** the kinds the client asks for, if it says */
  only?: string[];
  /** the client shows an action it cannot take, with the reason */
  disabledSupport: boolean;
}

export function codeActions(input: CodeActionInput): CodeAction[] {
  const { document, session } = input;
  const whole = document.getText();
  const bom = whole.startsWith('\uFEFF');
  const text = bom ? whole.slice(1) : whole;
  const at = (offset: number) => document.positionAt(offset + (bom ? 1 : 0));
  const edit = (changes: TextEdit[]) => ({ changes: { [input.uri]: changes } });
  const wants = (kind: string) => !input.only || input.only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    for (const finding of input.findings.filter((candidate) => overlaps(toRange(candidate.start, candidate.end, bom), input.range))) {
      const diagnostic = input.diagnostics.find((candidate) => (candidate.data as DiagnosticData | undefined)?.fingerprint === finding.fingerprint);
      const about = diagnostic ? { diagnostics: [diagnostic] } : {};
      const fix = finding.fix ? escaped({ path: input.path, text, fixes: [finding.fix] })[0] : undefined;
      if (fix) {
        actions.push({
          title: `Replace "${text.slice(fix.start, fix.end)}" with "${finding.fix!.text}"`,
          kind: CodeActionKind.QuickFix,
          isPreferred: true,
          ...about,
          edit: edit([{ range: { start: at(fix.start), end: at(fix.end) }, newText: fix.text }]),
        });
      }
      const plan = readFromBytes(input.path)
        ? { unavailable: 'an Office document or a PDF is never written by onemessage: waive this finding with an entry in the spec\'s exceptions' }
        : planDirective({ path: input.path, text, finding, rules: session.context.rules, formatOptions: session.context.formatOptions });
      const title = `Disable ${finding.ruleId} on this line (inline directive; write the reason)`;
      if ('insert' in plan) {
        const point = at(plan.insert.at);
        actions.push({ title, kind: CodeActionKind.QuickFix, ...about, edit: edit([{ range: { start: point, end: point }, newText: plan.insert.text }]) });
      } else if (input.disabledSupport) {
        actions.push({ title: `Disable ${finding.ruleId} on this line`, kind: CodeActionKind.QuickFix, ...about, disabled: { reason: plan.unavailable } });
      }
    }
  }

  if (wants(FIX_ALL)) {
    const fixes = input.findings.flatMap((finding) => (finding.fix ? [finding.fix] : []));
    const applied = escaped({ path: input.path, text, fixes });
    if (applied.length > 0) {
      actions.push({
        title: `Fix all auto-fixable onemessage problems (${applied.length})`,
        kind: FIX_ALL,
        edit: edit(applied.map((fix) => ({ range: { start: at(fix.start), end: at(fix.end) }, newText: fix.text }))),
      });
    }
  }
  return actions;
}

/** The fixes as written into this file (escaped for a JSON string or HTML), overlapping ones left out. */
function escaped(options: { path: string; text: string; fixes: Fix[] }): Fix[] {
  return applyFixesToSource(options).applied;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return before(a.start, b.end) && before(b.start, a.end);
}
