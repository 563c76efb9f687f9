/** A file the API hands out: its name (Content-Disposition), media type and bytes. */
export interface ExportFile {
  readonly fileName: string;
  readonly mime: string;
  readonly bytes: Buffer;
}

/** "45/TB-BCĐ" → "45-TB-BCD": a file name in ASCII letters, digits and dashes. */
export const fileSafe = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
