import type { DocumentDetail } from '@civicdesk/contracts/documents';
import { describe, expect, it } from 'vitest';
import { documentInput, emptyValues, isBlankHtml, recipientInput, valuesFromDetail } from './editor-form.ts';

describe('document editor form', () => {
  it('starts a Vietnamese draft as a công văn and a Korean one as a 기안문', () => {
    expect(emptyValues('a', 'vn').typeCode).toBe('CV');
    expect(emptyValues('a', 'kr').typeCode).toBe('GIAN');
  });

  it('sends a task and the end of the chosen day only for directives', () => {
    const r = {
      key: 'agency:x',
      kind: 'agency' as const,
      agencyId: 'x',
      name: 'X',
      main: true,
      task: '  Report by Friday ',
      deadline: '2026-03-15',
    };
    expect(recipientInput(r, false)).toEqual({ kind: 'agency', agencyId: 'x', main: true });
    const directive = recipientInput(r, true);
    expect(directive).toMatchObject({ kind: 'agency', agencyId: 'x', task: 'Report by Friday' });
    const deadline = new Date((directive as { taskDeadline: string }).taskDeadline);
    expect([deadline.getDate(), deadline.getHours(), deadline.getMinutes()]).toEqual([15, 23, 59]);
  });

  it('treats a chỉ thị (CT) as a directive and drops the disclosure reason of a public document', () => {
    const v = { ...emptyValues('a', 'vn'), typeCode: 'CT', subject: ' Chỉ thị ', disclosureReason: 'x' };
    const input = documentInput(v);
    expect(input.isDirective).toBe(true);
    expect(input.subject).toBe('Chỉ thị');
    expect(input.disclosureReason).toBeNull();
    expect(documentInput({ ...v, disclosure: 'closed' }).disclosureReason).toBe('x');
  });

  it('keeps external e-mail addresses only when given', () => {
    const external = { key: 'e', kind: 'external' as const, name: ' Báo ', email: ' ', main: false };
    expect(recipientInput(external, false)).toEqual({ kind: 'external', name: 'Báo', main: false });
  });

  it('reads a stored document back into the form, deadlines as calendar dates', () => {
    const doc = {
      agencyId: 'a',
      typeCode: 'CT',
      subject: 'S',
      bodyHtml: '<p>b</p>',
      urgency: 'khan',
      confidentiality: 'normal',
      disclosure: 'partial',
      disclosureReason: null,
      retention: '5y',
      isDirective: true,
      recipients: [
        {
          id: '1',
          kind: 'agency',
          agencyId: 'x',
          unitId: null,
          name: 'X',
          email: null,
          main: true,
          task: 'T',
          taskDeadline: new Date(2026, 2, 15, 23, 59).toISOString(),
        },
        {
          id: '2',
          kind: 'unit',
          agencyId: null,
          unitId: 'u',
          name: 'U',
          email: null,
          main: false,
          task: null,
          taskDeadline: null,
        },
      ],
    } as unknown as DocumentDetail;
    const v = valuesFromDetail(doc);
    expect(v.disclosureReason).toBe('');
    expect(v.recipients[0]).toMatchObject({ key: 'agency:x', task: 'T', deadline: '2026-03-15' });
    expect(v.recipients[1]).toEqual({ key: 'unit:u', kind: 'unit', unitId: 'u', name: 'U', main: false });
  });

  it('counts an untouched editor as an empty body', () => {
    expect(isBlankHtml('<p></p>')).toBe(true);
    expect(isBlankHtml('<p>&nbsp; </p><p><br></p>')).toBe(true);
    expect(isBlankHtml('<p>x</p>')).toBe(false);
  });
});
