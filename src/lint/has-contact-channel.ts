import type { Contact, PostalAddress } from "../register/model/index.ts";

/** A postal address someone can write to: at least a street or a city. */
export function isUsableAddress(address: PostalAddress | undefined): boolean {
  return address !== undefined && (address.street !== undefined || address.city !== undefined);
}

/** A contact is reachable when it has a channel: a name alone reaches nobody. */
export function hasContactChannel(contact: Contact | undefined): boolean {
  if (!contact) return false;
  return (
    contact.email !== undefined ||
    contact.phone !== undefined ||
    contact.url !== undefined ||
    isUsableAddress(contact.address)
  );
}
