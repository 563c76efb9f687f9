/**
 * GET /api/calendar/due-days/:date: what a due date chosen in a form means, so the intake preview
 * and the extension form can say that a day off moves it (issue 8 blind check: the field said
 * 20/12, a Sunday, while the item was due at the end of Monday 21/12).
 */
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('GET /api/calendar/due-days/:date', () => {
  it('a Sunday moves to Monday, without a login (a mail link’s form asks too)', async () => {
    const res = await stack.http().get('/api/calendar/due-days/2026-12-20');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      date: '2026-12-20',
      legalDate: '2026-12-21',
      dayOff: true,
      note: 'Chủ nhật 20/12/2026 là ngày nghỉ: hạn tính đến hết thứ Hai 21/12/2026.',
    });
  });

  it('a working day has nothing to say', async () => {
    const res = await stack.http().get('/api/calendar/due-days/2026-12-22');
    expect(res.body).toMatchObject({ legalDate: '2026-12-22', dayOff: false, note: null });
  });

  it.each(['2026-02-30', 'tomorrow', '2026-1-5'])('%s is a 400 INVALID_DATE', async (date) => {
    const res = await stack.http().get(`/api/calendar/due-days/${date}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'INVALID_DATE' });
    expect((res.body as { message: string }).message).toMatch(/[ạàáảãăâêôơư]/);
  });
});

/**
 * GET /api/calendar/first-periods: the first deadline of a recurring item, were its notice
 * confirmed now (issue 8 blind check 3: the preview said "hằng tháng, ngày 25" but not when the
 * first report is due). A notice dated in 2030 anchors the dates whatever today is.
 */
describe('GET /api/calendar/first-periods', () => {
  const first = (query: Record<string, string>) =>
    stack.http().get('/api/calendar/first-periods').query(query);

  it('monthly on the 25th, from the notice’s date of issue', async () => {
    const res = await first({ frequency: 'monthly', day: '25', issuedOn: '2030-01-05' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ date: '2030-01-25', legalDate: '2030-01-25', dayOff: false });
  });

  it('a quarter ends on a Sunday: due at the end of Monday, and says so', async () => {
    const res = await first({ frequency: 'quarterly', issuedOn: '2030-01-05' });
    expect(res.body).toMatchObject({ date: '2030-03-31', legalDate: '2030-04-01', dayOff: true });
    expect((res.body as { note: string }).note).toMatch(
      /^Chủ nhật 31\/03\/2030 là ngày nghỉ: hạn tính đến hết thứ Hai 01\/04\/2030\./,
    );
  });

  it('the months chosen, in any order; weekly on Mondays', async () => {
    const months = await first({
      frequency: 'monthly',
      day: '20',
      months: '12,6',
      issuedOn: '2030-01-05',
    });
    expect(months.body).toMatchObject({ date: '2030-06-20' });
    const weekly = await first({ frequency: 'weekly', day: '1', issuedOn: '2030-01-05' });
    expect(weekly.body).toMatchObject({ date: '2030-01-07' });
  });

  it.each([
    [{ frequency: 'daily' }, 'VALIDATION_FAILED'],
    [{ frequency: 'monthly', day: '32' }, 'VALIDATION_FAILED'],
    [{ frequency: 'monthly', months: '13' }, 'VALIDATION_FAILED'],
    [{ frequency: 'weekly', day: '9' }, 'INVALID_RECURRENCE'],
  ])('%j is a 400 %s', async (query, code) => {
    const res = await first(query);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code });
  });
});
