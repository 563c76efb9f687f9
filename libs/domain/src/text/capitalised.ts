/** The first letter in capitals, as a sentence starts ("định kỳ hằng tháng" → "Định kỳ hằng tháng"). */
export const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
