/**
 * An agency as a refusal names it: by the name people know, with the code the directory gives it
 * ("Sở Văn hóa và Du lịch (mã SDL)"); by its code alone when its name is not known.
 */
export const agencyInMessage = (a: { readonly code: string; readonly name?: string }): string =>
  a.name ? `${a.name} (mã ${a.code})` : `Cơ quan mã ${a.code}`;
