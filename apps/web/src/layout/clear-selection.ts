/**
 * A select's clear button, named in Vietnamese: the library reads it "Clear" whatever the locale
 * (issue 8 blind check, a screen reader user).
 */
export const CLEAR_SELECTION = { label: 'Xóa lựa chọn' } as const;
