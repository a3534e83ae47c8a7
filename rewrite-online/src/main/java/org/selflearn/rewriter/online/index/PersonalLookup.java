package org.selflearn.rewriter.online.index;

/**
 * What a {@link PersonalStore} found for one customer.
 *
 * @param profile the customer's memory, {@link PersonalProfile#EMPTY} when none is held or none could be read
 * @param heldBy where it was read: {@code local} for a store in this process, else the {@code host:port} of the
 *     serving instance that holds the customer's partition; null when nothing was asked (no customer id)
 * @param failure why no memory could be read (the request then goes on without it), or null
 */
public record PersonalLookup(PersonalProfile profile, String heldBy, String failure) {
  /** Nothing asked: no customer id, or the personal layers are off. */
  public static final PersonalLookup NONE = new PersonalLookup(PersonalProfile.EMPTY, null, null);

  /** A memory (possibly empty) read from {@code heldBy}. */
  public static PersonalLookup found(PersonalProfile profile, String heldBy) {
    return new PersonalLookup(profile, heldBy, null);
  }

  /** No memory could be read, for a reason; the request goes on with the global layers. */
  public static PersonalLookup failed(String failure) {
    return new PersonalLookup(PersonalProfile.EMPTY, null, failure);
  }
}
