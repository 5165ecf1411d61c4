import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/model/result.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/report/github.js';
import { at, forbiddenClaim, sampleResult } from './sample.js';

describe('github reporter', () => {
  const lines = formatGithub(sampleResult()).split('\n');

  it('writes one command per unsuppressed finding, and leaves the waived one out', () => {
    expect(lines).toHaveLength(7);
    expect(lines[6]).toBe('');
    expect(lines.some((line) => line.includes('Legacy returns'))).toBe(false);
  });

  it('escapes %, :, , and newlines in paths, titles and messages exactly', () => {
    expect(lines[0]).toBe(
      '::warning file=site/blog/q3 sale%2C 100%25 off%3A été.md,line=7,col=1,endLine=7,endColumn=19,title=claim/evidence (clinically-tested)::' +
        '"clinically tested" needs a citation in its paragraph <script>alert(1)</script>%0A"><img src=x onerror=alert(1)>%0A' +
        'spec: onemessage.yaml:35 (claim clinically-tested)',
    );
  });

  it('annotates a mismatch with both other sides and the spec line', () => {
    expect(lines[2]).toBe(
      '::error file=site/returns.md,line=5,col=12,endLine=5,endColumn=18,title=fact/mismatch (return-window)::' +
        'return-window is 30 days in the spec, but this says 60-day.%0A' +
        'sales/call-script.md:14:27 (sales): sales says 30 days "30 days"%0A' +
        'support/zendesk-macros.json:9:41 (support, Returns: how to start one (360000111)): support says 30 days "30-day"%0A' +
        'spec: onemessage.yaml:12 (fact return-window)',
    );
  });

  it('strips ANSI escapes, so a message cannot colour the log or start a command of its own', () => {
    expect(lines[3]).toBe(
      '::error file=support/macros.csv,line=4,col=30,endLine=4,endColumn=41,title=stock/promise (trailpack-45)::' +
        '::error::TP-45 is made to order (6-8 weeks), 100%25 not "ships today": check, then say so%0A' +
        'in <img src=x onerror="window.__pwned=1"> (@SUM(A1))%0A' +
        'support/macros.csv:4:5 (support, <img src=x onerror="window.__pwned=1"> (@SUM(A1))): the section is about TrailPack 45 "TP-45"%0A' +
        'spec: onemessage.yaml:48 (product trailpack-45)',
    );
  });

  it('maps info to a notice', () => {
    expect(lines[5]).toBe(
      '::notice file=support/zendesk-macros.json,line=4,col=52,endLine=4,endColumn=60,title=term/use (sign in)::' +
        'Use "sign in", not "login to".%0Ain Password reset (360000222)%0Aspec: onemessage.yaml:70 (term sign in)',
    );
  });

  it('escapes newlines and carriage returns in a path, and omits a position the finding lacks', () => {
    const result: RunResult = {
      ...sampleResult(),
      findings: [{ ...forbiddenClaim, path: 'a\r\nb,c:d%.md', start: at(0, 0, 0), end: at(0, 0, 0), item: undefined, message: 'unreadable:\r\nbad, really' }],
    };
    expect(formatGithub(result)).toBe('::error file=a%0D%0Ab%2Cc%3Ad%25.md,title=claim/forbidden::unreadable:%0D%0Abad, really\n');
  });

  it('escapes as the runner does', () => {
    expect(escapeData('100% : a,b\nc\rd')).toBe('100%25 : a,b%0Ac%0Dd');
    expect(escapeProperty('100% : a,b\nc')).toBe('100%25 %3A a%2Cb%0Ac');
  });

  it('writes nothing for a clean run, and the same bytes twice', () => {
    expect(formatGithub({ ...sampleResult(), findings: [] })).toBe('');
    expect(formatGithub(sampleResult())).toBe(formatGithub(sampleResult()));
  });
});
