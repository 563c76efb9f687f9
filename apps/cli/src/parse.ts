/**
 * `npm run --silent parse -- FILE` (FILE or "-" for stdin): prints the ParsedNotice JSON of a
 * Thông báo kết luận on stdout, and nothing else; diagnostics go to stderr.
 */
import { readFileSync } from 'node:fs';
import { parseNotice } from '../../../libs/domain/src';

function main(argv: readonly string[]): number {
  const file = argv[0];
  if (file === undefined || argv.length > 1) {
    process.stderr.write(
      'Cách dùng: npm run --silent parse -- TỆP   (hoặc "-" để đọc từ đầu vào chuẩn)\n',
    );
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (err) {
    process.stderr.write(
      `Không đọc được tệp "${file}": ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return 1;
  }
  process.stdout.write(`${JSON.stringify(parseNotice(text), null, 2)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
