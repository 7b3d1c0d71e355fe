package ma.rokhsa.interfaces.rest.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/** A follow-up commission to record, with its nominated members. */
public class NewCommission {

  /** REGIONAL (on a region) or LOCAL (on a prefecture, a province or a commune). */
  @NotBlank @Size(max = 16) public String level;

  @NotBlank @Size(max = 200) public String name;

  @NotEmpty @Size(max = 100) public List<@NotNull @Valid Member> members = new ArrayList<>();

  /** A nominated member. */
  public static class Member {
    @NotBlank @Size(max = 200) public String fullName;

    /** Their title or organization. */
    @NotBlank @Size(max = 200) public String title;

    /** Their role in the commission (président, membre, rapporteur…). */
    @NotBlank @Size(max = 100) public String role;
  }
}
