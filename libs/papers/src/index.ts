/**
 * The office's papers (ADR 0026): spreadsheets and Word documents built from the read side's
 * records, pure of I/O, for the API's downloads and the worker's mails alike.
 */
export * from './docx-layout';
export * from './item-sheets';
export * from './notice-report';
export * from './office-sheets';
export * from './scorecard';
export * from './sheet-captions';
export * from './urging-letter';
export * from './xlsx-table';
export * from './digests';
