package ma.rokhsa.interfaces.rest.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A readiness evaluation to record: {@code evaluatedOn} is an ISO date ({@code 2026-11-20}). */
public class NewReadinessEvaluation {
  @NotNull @PastOrPresent public LocalDate evaluatedOn;

  @NotBlank @Size(max = 200) public String evaluator;

  @NotBlank @Size(max = 4000) public String criteria;

  @NotNull public Boolean positive;
}
