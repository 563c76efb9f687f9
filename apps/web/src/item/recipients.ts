/** The directory's addresses an item's mails go to (an agency's contact and its head's). */
export interface AgencyAddresses {
  readonly name: string;
  readonly contactEmail: string;
  readonly headEmail?: string | null;
}

/**
 * Address → who it is, as the history names the recipients of a mail: "Sở Tài chính" for its
 * contact address, "Thủ trưởng Sở Tài chính" for its head's; other addresses (the secretariat,
 * the committee head) are not in the directory and stay as they are.
 */
export function addressNames(agencies: readonly AgencyAddresses[]): Map<string, string> {
  const names = new Map<string, string>();
  const key = (address: string) => address.trim().toLowerCase();
  for (const a of agencies) {
    if (a.headEmail) names.set(key(a.headEmail), `Thủ trưởng ${a.name}`);
  }
  // An agency's own address wins over another's head address that happens to be the same.
  for (const a of agencies) names.set(key(a.contactEmail), a.name);
  return names;
}

/** "Sở Tài chính, secretariat@x.vn": each address by its name when the directory knows it. */
export function recipientsText(
  addresses: readonly string[],
  names: ReadonlyMap<string, string>,
  withAddress = false,
): string {
  return addresses
    .map((address) => {
      const name = names.get(address.trim().toLowerCase());
      if (!name) return address;
      return withAddress ? `${name} (${address})` : name;
    })
    .join(', ');
}
