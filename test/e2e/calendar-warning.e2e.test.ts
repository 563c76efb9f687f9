/**
 * A deadline in a year whose holidays the working calendar does not know (2028 onward) is said,
 * at intake (preview) and on the item, instead of being silently counted on weekends only.
 */
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let secretariat: string;

beforeAll(async () => {
  stack = await startTestStack();
  secretariat = await stack.login('secretariat@dondoc.local');
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const auth = () => ({ Authorization: `Bearer ${secretariat}` });
const NOTE = 'chưa có lịch nghỉ lễ chính thức của năm 2028';

describe('a year without official calendar data', () => {
  it('is warned about at intake', async () => {
    const text = [
      'THÔNG BÁO',
      'Kết luận của Trưởng Ban Chỉ đạo tại cuộc họp ngày 15/11/2026',
      '1. Giao Sở Tài chính hoàn thành đề án trước ngày 15/3/2028.',
      '2. Giao Sở Xây dựng hoàn thành quy hoạch trước ngày 15/12/2026.',
    ].join('\n');
    const res = await stack.http().post('/api/notices/preview').set(auth()).send({ text });
    expect(res.status).toBe(200);
    const { items, warnings } = res.body as { items: unknown[]; warnings: string[] };
    expect(items).toHaveLength(2);
    expect(warnings.filter((w) => w.includes('chưa có lịch nghỉ lễ'))).toEqual([
      `Mục 1: ${NOTE}: hạn được tính chỉ theo ngày nghỉ cuối tuần.`,
    ]);
  });

  it('is shown on the item, and not on an item due in a known year', async () => {
    const create = (due: string) =>
      stack
        .http()
        .post('/api/items')
        .set(auth())
        .send({ text: 'Hoàn thiện đề án', lead: 'STC', due })
        .expect(201);
    const later = (await create('2028-03-15')).body as { id: string; warnings: string[] };
    expect(later.warnings).toEqual([
      'Chưa có lịch nghỉ lễ chính thức của năm 2028: hạn được tính chỉ theo ngày nghỉ cuối tuần.',
    ]);
    const read = await stack.http().get(`/api/items/${later.id}`).set(auth()).expect(200);
    expect((read.body as { warnings: string[] }).warnings).toEqual(later.warnings);
    const known = (await create('2026-12-30')).body as { warnings: string[] };
    expect(known.warnings).toEqual([]);
  });
});
