package ma.rokhsa.interfaces.rest.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A test notification to queue. */
public class NewTestNotification {

  /** The tenant on whose behalf it is sent ({@code 06.141.01.0}). */
  @NotBlank @Size(max = 64) public String tenant;

  /** The channel: {@code email} (the default), or one a plugin offers. */
  @NotBlank @Size(max = 50) public String channel = "email";

  /** The address, in the channel's form. */
  @NotBlank @Size(max = 320) public String recipient;

  /** {@code fr} (the default) or {@code ar}. */
  @NotBlank @Pattern(regexp = "fr|ar", message = "must be fr or ar") public String language = "fr";
}
