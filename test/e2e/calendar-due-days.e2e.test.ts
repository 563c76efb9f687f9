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
