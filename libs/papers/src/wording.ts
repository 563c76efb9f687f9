/** Small rules of how the papers write a sentence. */

export { capitalised } from '../../domain/src';

/** Someone's words quoted inside a sentence: without their own closing full stop. */
export const withoutFinalStop = (s: string): string => s.replace(/[.\s]+$/u, '');
