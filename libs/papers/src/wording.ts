/** Small rules of how the papers write a sentence. */

/** The first letter in capitals ("định kỳ hằng tháng" → "Định kỳ hằng tháng"). */
export const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Someone's words quoted inside a sentence: without their own closing full stop. */
export const withoutFinalStop = (s: string): string => s.replace(/[.\s]+$/u, '');
