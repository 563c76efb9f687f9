/**
 * The accounts list's search ignores Vietnamese diacritics and case, as the items search does
 * (ADR 0017): a clerk types "nguyen thi hoa" without marks and finds "Nguyễn Thị Hoa".
 */
import { randomBytes } from 'node:crypto';
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let secretariat: string;

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  secretariat = await stack.login('secretariat@dondoc.local');
}, 120_000);

afterAll(() => stack?.close());

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const search = async (q: string): Promise<string[]> => {
  const res = await stack
    .http()
    .get(`/api/users?q=${encodeURIComponent(q)}`)
    .set(auth(secretariat))
    .expect(200);
  return (res.body as { email: string }[]).map((u) => u.email);
};

it('finds an account by its name typed without diacritics, in any case, or decomposed', async () => {
  const email = `hoa-${randomBytes(3).toString('hex')}@syt.tinh.gov.vn`;
  await stack
    .http()
    .post('/api/users')
    .set(auth(secretariat))
    .send({ email, name: 'Nguyễn Thị Hoa', role: 'agency', agency: 'STC' })
    .expect(201);

  expect(await search('nguyen thi hoa')).toEqual([email]);
  expect(await search('NGUYEN THI')).toContain(email);
  expect(await search('Nguyễn')).toContain(email);
  expect(await search('nguye\u0302\u0303n thi\u0323')).toContain(email);
  expect(await search('  thi hoa  ')).toEqual([email]);
  expect(await search(email.toUpperCase())).toEqual([email]);
  // Regular-expression syntax is taken literally; a name that is not there finds nothing.
  expect(await search('hoa.*')).toEqual([]);
  expect(await search('nguyen van hoa')).toEqual([]);
});
