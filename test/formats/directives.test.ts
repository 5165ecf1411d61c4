import { describe, expect, it } from 'vitest';
import { looksLikeDirective, parseDirective } from '../../src/formats/directives.js';

describe('parseDirective', () => {
  it('reads every kind', () => {
    expect(parseDirective(' onemessage-disable ', 0, 30)).toEqual({ kind: 'disable', selectors: [], start: 0, end: 30 });
    expect(parseDirective(' onemessage-enable ', 0, 30)?.kind).toBe('enable');
    expect(parseDirective(' onemessage-disable-line term/use ', 0, 30)?.kind).toBe('disable-line');
    expect(parseDirective(' onemessage-disable-next-line claim/forbidden ', 5, 60)).toEqual({
      kind: 'disable-next-line',
      selectors: ['claim/forbidden'],
      start: 5,
      end: 60,
    });
  });

  it('reads comma- and space-separated selectors, rule:item ids and the reason', () => {
    expect(
      parseDirective(' onemessage-disable-next-line claim/forbidden, term/use fact/mismatch:return-window -- approved by legal, ticket LEGAL-112 ', 10, 140),
    ).toEqual({
      kind: 'disable-next-line',
      selectors: ['claim/forbidden', 'term/use', 'fact/mismatch:return-window'],
      reason: 'approved by legal, ticket LEGAL-112',
      approvedBy: 'legal, ticket LEGAL-112',
      start: 10,
      end: 140,
    });
  });

  it('leaves the reason out when it is missing or empty', () => {
    expect(parseDirective('onemessage-disable term/use', 0, 1)).not.toHaveProperty('reason');
    expect(parseDirective('onemessage-disable term/use --', 0, 1)).toEqual({ kind: 'disable', selectors: ['term/use'], start: 0, end: 1 });
    expect(parseDirective('onemessage-disable term/use --   ', 0, 1)).not.toHaveProperty('reason');
  });

  it('keeps a reason that itself holds a double hyphen', () => {
    expect(parseDirective('onemessage-enable -- legal -- see LEGAL-1', 0, 1)).toEqual({
      kind: 'enable',
      selectors: [],
      reason: 'legal -- see LEGAL-1',
      start: 0,
      end: 1,
    });
  });

  it('recognises the approver a reason names, and keeps the reason whole', () => {
    const approver = (reason: string) => parseDirective(`onemessage-disable-next-line claim/forbidden -- ${reason}`, 0, 1)?.approvedBy;
    expect(approver('approved by J. Doe, LEGAL-112')).toBe('J. Doe, LEGAL-112');
    expect(approver('quotes the Trail Weekly award, approved by legal (LEGAL-112).')).toBe('legal (LEGAL-112)');
    expect(approver('reprinted press release, kept verbatim; Approved by J. Doe')).toBe('J. Doe');
    expect(approver('quoting the award by name, approved in LEGAL-112')).toBeUndefined();
    expect(approver('unapproved by anyone')).toBeUndefined();
    expect(parseDirective('onemessage-disable -- award quote; approved by J. Doe', 0, 1)?.reason).toBe('award quote; approved by J. Doe');
  });

  it('refuses unknown kinds and ordinary comments', () => {
    expect(parseDirective(' onemessage-disabled term/use ', 0, 1)).toBeUndefined();
    expect(parseDirective(' onemessage-disable-nextline ', 0, 1)).toBeUndefined();
    expect(parseDirective(' TODO: fix the hero copy ', 0, 1)).toBeUndefined();
    expect(looksLikeDirective(' onemessage-whatever')).toBe(true);
    expect(looksLikeDirective(' todo')).toBe(false);
  });
});
