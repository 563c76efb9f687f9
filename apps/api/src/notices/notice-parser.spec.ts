import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import directory from '../../../../libs/domain/src/notice/default-agencies.json';
import { parseJob } from './notice-parse';
import { NoticeParser, OFF_THREAD_FROM_CHARS } from './notice-parser';

const seed = readFileSync(
  join(__dirname, '../../../../libs/domain/src/notice/fixtures/000_948b8539ce48aaaf.txt'),
  'utf8',
);
const agencies = directory.agencies.map((a) => ({
  code: a.code,
  name: a.name,
  aliases: a.aliases,
}));

describe('NoticeParser', () => {
  const parser = new NoticeParser();
  afterAll(() => parser.onModuleDestroy());

  it('parses a large notice on a worker thread exactly as in line', async () => {
    const text = `${seed}\n`.repeat(Math.ceil((OFF_THREAD_FROM_CHARS * 3) / seed.length));
    expect(text.length).toBeGreaterThan(OFF_THREAD_FROM_CHARS);
    const [offThread, again] = await Promise.all([
      parser.parse({ text, agencies }),
      parser.parse({ text: seed.repeat(3), agencies }),
    ]);
    expect(offThread).toEqual(parseJob({ text, agencies }));
    expect(again).toEqual(parseJob({ text: seed.repeat(3), agencies }));
    expect(offThread.items).toHaveLength(11); // the text after the first "Nơi nhận:" is not read
    expect(parser.offThreadParses).toBe(1);
  }, 60_000);

  it('parses a small notice in line', async () => {
    expect(isMainThread).toBe(true);
    expect(await parser.parse({ text: seed, agencies })).toEqual(
      parseJob({ text: seed, agencies }),
    );
  });
});
