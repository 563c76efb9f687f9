/** A file the API hands out: its name (Content-Disposition), media type and bytes. */
export interface ExportFile {
  readonly fileName: string;
  readonly mime: string;
  readonly bytes: Buffer;
}

export { fileSafe } from '../../../../libs/papers/src';
