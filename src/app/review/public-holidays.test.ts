import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addWorkingDays } from '../../domain/review/working-days.ts';
import { publicHolidayCalendar } from './public-holidays.ts';

const calendar = publicHolidayCalendar();

describe('public holidays of the register’s countries', () => {
  it('knows each country’s own days, and only public ones', () => {
    const be = calendar.forCountry('BE');
    const nl = calendar.forCountry('NL');
    const lu = calendar.forCountry('LU');
    assert.ok(be('2026-07-21') && !nl('2026-07-21') && !lu('2026-07-21'), 'Belgian national day');
    assert.ok(nl('2026-04-27') && !be('2026-04-27'), 'King’s Day');
    assert.ok(lu('2026-06-23') && !be('2026-06-23'), 'Luxembourg national day');
    assert.ok(lu('2026-05-09') && !nl('2026-05-09'), 'Europe Day in Luxembourg');
    assert.ok(be('2026-04-06') && nl('2026-04-06') && lu('2026-04-06'), 'Easter Monday');
    assert.ok(!be('2026-04-03') && !nl('2026-04-03') && !lu('2026-04-03'), 'Good Friday works');
    assert.ok(!nl('2026-05-05'), 'Liberation Day is a public holiday only every fifth year');
    assert.ok(nl('2026-12-26') && lu('2026-12-26') && !be('2026-12-26'), 'Boxing Day');
    assert.ok(be('2027-01-01') && be('2030-12-25'), 'any year');
    assert.equal(calendar.forCountry('FR')('2026-07-14'), false, 'not a register country');
  });

  it('counts ten working days with the real calendars', () => {
    assert.equal(addWorkingDays('2026-12-21', 10, calendar.forCountry('BE')), '2027-01-06');
    assert.equal(addWorkingDays('2026-12-18', 10, calendar.forCountry('NL')), '2027-01-05');
    // Boxing Day, Friday 26 December 2025, is a holiday in the Netherlands, not in Belgium.
    assert.equal(addWorkingDays('2025-12-22', 5, calendar.forCountry('BE')), '2025-12-30');
    assert.equal(addWorkingDays('2025-12-22', 5, calendar.forCountry('NL')), '2025-12-31');
  });

  it('takes the calendar day in Brussels time', () => {
    assert.equal(calendar.localDate(new Date('2026-03-01T23:30:00Z')), '2026-03-02');
    assert.equal(calendar.localDate(new Date('2026-07-01T21:59:00Z')), '2026-07-01');
    assert.equal(calendar.localDate(new Date('2026-07-01T22:00:00Z')), '2026-07-02');
  });
});
