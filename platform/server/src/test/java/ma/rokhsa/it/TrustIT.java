package ma.rokhsa.it;

import static ma.rokhsa.it.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import ma.rokhsa.it.support.Deployments;
import ma.rokhsa.it.support.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12 through the real server (ADR 0023): separation of duties, the account lifecycle, the
 * national audit chain and sign-in abuse. The shared test server trusts 127.0.0.1 as a reverse
 * proxy ({@code rokhsa.http.trusted-proxies}), so each test speaks from addresses of its own
 * through {@code X-Forwarded-For}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TrustIT {

  private static final String T = "06.181.01.05";
  private static final String PASSWORD = "a-long-test-password";

  @Deployment(testable = false)
  static WebArchive deployment() {
    // With the test-only probes: a test records audit entries and changes one by SQL.
    return Deployments.platformWithProbes();
  }

  @ArquillianResource URL deployed;

  private Http http;
  private Http national;
  private String run;

  @BeforeEach
  void connect() throws Exception {
    URI uri = deployed.toURI();
    // Through 127.0.0.1, the proxy the test server trusts (the deployment's own URL may name
    // another interface, from which X-Forwarded-For is rightly ignored).
    http = new Http(new URI(uri.getScheme(), null, "127.0.0.1", uri.getPort(), "/", null, null));
    national = http.signIn("admin", System.getProperty("rokhsa.it.admin-password"));
    run = Long.toString(System.nanoTime(), 36);
  }

  @Test
  void aTenantAdminGrantingItselfSignatoryIsRefusedAndTheAttemptIsInTheAuditChain() {
    String self = "admin-t-" + run;
    Http tenantAdmin = account(self, "{\"role\": \"TENANT_ADMIN\", \"tenant\": \"" + T + "\"}");

    assertProblem(
        tenantAdmin.post(
            "api/tenants/" + T + "/users",
            "{\"username\": \"" + self + "\", \"role\": \"SIGNATORY\"}"),
        403,
        "forbidden");

    JsonNode entries =
        ok(tenantAdmin.get("api/tenants/" + T + "/audit?subjectType=account&subjectId=" + self))
            .path("entries");
    assertThat(actions(entries)).containsExactly("role.granted", "role.grant-refused");
    assertThat(entries.get(1).path("actor").asText()).isEqualTo(self);
    assertThat(entries.get(1).path("detail").asText()).contains("SIGNATORY@" + T);
    assertThat(ok(tenantAdmin.get("api/tenants/" + T + "/audit/verify")).path("intact").asBoolean())
        .isTrue();
    assertThat(
            stream(ok(national.get("api/admin/accounts/" + self)).path("grants"))
                .map(g -> g.path("role").asText()))
        .containsExactly("TENANT_ADMIN");

    // Another tenant admin may name it signatory: two people, each audited.
    String other = "admin-t2-" + run;
    Http otherAdmin = account(other, "{\"role\": \"TENANT_ADMIN\", \"tenant\": \"" + T + "\"}");
    created(
        otherAdmin.post(
            "api/tenants/" + T + "/users",
            "{\"username\": \"" + self + "\", \"role\": \"SIGNATORY\"}"));
  }

  @Test
  void anApplicantsUploadsStopAtTheAccountsQuotaAndTheRefusedFileIsNotKept() throws Exception {
    // The shared test server gives each account 8 MiB (rokhsa.storage.quota-per-account-mib):
    // more than the largest file other tests refuse for its document's limit (5 MB), so that
    // those still meet that limit first.
    Http applicant = TenancyIT.account(http, national, "quota-" + run, "APPLICANT", null);
    String base = draft(applicant, "Quota " + run);
    created(
        applicant.upload(
            base + "/attachments?document=plan-situation",
            "situation.pdf",
            DossierIT.pdf(6 * 1024 * 1024)));

    byte[] over = DossierIT.pdf(3 * 1024 * 1024 + 7);
    Http.Response refused =
        applicant.upload(base + "/attachments?document=plan-masse", "masse.pdf", over);
    assertProblem(refused, 413, "upload-quota-exceeded");
    assertThat(refused.json().path("detail").asText()).contains("8.0 MiB quota");
    String sha256 =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(over));
    assertThat(http.get("api/_probe/storage/contents/" + sha256).status())
        .as("nothing of the refused file is kept")
        .isEqualTo(404);
    // What still fits is taken.
    created(
        applicant.upload(
            base + "/attachments?document=demande", "demande.pdf", DossierIT.pdf(200_000)));
  }

  @Test
  void contentsNoRowRefersToAreCollectedAfterTheGracePeriodByTheScheduledPass() throws Exception {
    // The shared test server collects every 5 s (rokhsa.storage.orphan-collection-interval) what
    // was last stored more than 7 days ago (the default grace): the test ages two files by hand.
    Http applicant = TenancyIT.account(http, national, "orphan-" + run, "APPLICANT", null);
    String base = draft(applicant, "Orphan " + run);
    byte[] attached = DossierIT.pdf(1_000 + (int) (System.nanoTime() % 997));
    String referenced =
        created(applicant.upload(base + "/attachments?document=demande", "d.pdf", attached))
            .path("sha256")
            .asText();
    byte[] lonely = ("an orphan of " + run).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Http.Response stored =
        http.send(
            http.request("api/_probe/storage/contents?max=1000")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(lonely))
                .build());
    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    String orphan = stored.json().path("sha256").asText();
    java.nio.file.attribute.FileTime old =
        java.nio.file.attribute.FileTime.from(
            java.time.Instant.now().minus(java.time.Duration.ofDays(8)));
    for (String sha256 : List.of(referenced, orphan)) {
      java.nio.file.Files.setLastModifiedTime(contentFile(sha256), old);
    }

    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
    while (java.nio.file.Files.exists(contentFile(orphan)) && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    assertThat(contentFile(orphan)).as("collected by a pass").doesNotExist();
    assertThat(http.get("api/_probe/storage/contents/" + orphan).status()).isEqualTo(404);
    assertThat(contentFile(referenced)).as("an attachment refers to it").exists();
    assertThat(ok(applicant.get(base)).toString()).contains(referenced);
  }

  private static java.nio.file.Path contentFile(String sha256) {
    return java.nio.file.Path.of(System.getProperty("rokhsa.it.dir"), "arquillian", "content")
        .resolve(sha256.substring(0, 2))
        .resolve(sha256.substring(2, 4))
        .resolve(sha256);
  }

  @Test
  void theNationalAdminHoldsNoInstructingRoleAndReservedNamesCannotBeTaken() {
    assertProblem(
        national.post(
            "api/admin/accounts/admin/grants",
            "{\"role\": \"SIGNATORY\", \"tenant\": \"" + T + "\"}"),
        403,
        "forbidden");
    assertProblem(
        national.post(
            "api/admin/accounts",
            newAccount(
                "double-" + run,
                "{\"role\": \"NATIONAL_ADMIN\"}, {\"role\": \"GUICHET_AGENT\", \"tenant\": \""
                    + T
                    + "\"}")),
        409,
        "conflict");
    assertProblem(
        national.post("api/admin/accounts", newAccount("system", "{\"role\": \"APPLICANT\"}")),
        409,
        "conflict");
    assertProblem(
        national.post(
            "api/admin/accounts",
            newAccount(
                "membre-" + run, "{\"role\": \"COMMISSION_MEMBER\", \"tenant\": \"" + T + "\"}")),
        409,
        "conflict");
    // A refused grant is recorded in the chain of the tenant it was for, although nothing else of
    // the refused request is kept; the national admin's own attempt too.
    assertThat(
            actions(
                ok(national.get(
                        "api/tenants/" + T + "/audit?subjectType=account&subjectId=double-" + run))
                    .path("entries")))
        .containsExactly("role.grant-refused");
    assertThat(
            stream(
                    ok(national.get(
                            "api/tenants/" + T + "/audit?subjectType=account&subjectId=admin"))
                        .path("entries"))
                .map(e -> e.path("action").asText() + " " + e.path("detail").asText()))
        .anyMatch(e -> e.startsWith("role.grant-refused SIGNATORY@" + T));
    assertThat(
            actions(
                ok(national.get("api/admin/audit?subjectType=account&subjectId=double-" + run))
                    .path("entries")))
        .as("the refused account was not created")
        .isEmpty();
    assertThat(ok(national.get("api/admin/audit/verify")).path("intact").asBoolean()).isTrue();
  }

  @Test
  void anAccountIsDisabledResetAndItsRolesRevoked() {
    String username = "signataire-" + run;
    Http signatory = account(username, "{\"role\": \"SIGNATORY\", \"tenant\": \"" + T + "\"}");
    assertThat(signatory.get("api/auth/me").status()).isEqualTo(200);

    ok(national.post("api/admin/accounts/" + username + "/disable", ""));
    assertProblem(signatory.get("api/auth/me"), 403, "account-disabled");
    assertProblem(
        signatory.post(
            "api/tenants/" + T + "/dossiers/00000000-0000-0000-0000-000000000000/actions/signer",
            "{}"),
        403,
        "account-disabled");
    assertProblem(
        http.post("api/auth/token", credentials(username, PASSWORD)), 401, "unauthorized");
    ok(national.post("api/admin/accounts/" + username + "/enable", ""));
    assertThat(signatory.get("api/auth/me").status()).isEqualTo(200);

    JsonNode reset =
        ok(
            national.post(
                "api/admin/accounts/" + username + "/password-reset",
                "{\"password\": \"set-by-the-admin-1\"}"));
    assertThat(reset.path("passwordChangeRequired").asBoolean()).isTrue();
    assertProblem(
        http.post("api/auth/token", credentials(username, "set-by-the-admin-1")),
        403,
        "password-change-required");
    assertThat(
            http.post(
                    "api/auth/password",
                    "{\"username\": \""
                        + username
                        + "\", \"currentPassword\": \"set-by-the-admin-1\", \"newPassword\":"
                        + " \"chosen-by-the-holder-1\"}")
                .status())
        .isEqualTo(204);
    Http again = http.signIn(username, "chosen-by-the-holder-1");

    JsonNode revoked =
        ok(
            national.post(
                "api/admin/accounts/" + username + "/revocations",
                "{\"role\": \"SIGNATORY\", \"tenant\": \"" + T + "\"}"));
    assertThat(revoked.path("grants")).isEmpty();
    assertProblem(again.get("api/tenants/" + T), 404, "not-found");
    assertProblem(
        national.post(
            "api/admin/accounts/" + username + "/revocations",
            "{\"role\": \"SIGNATORY\", \"tenant\": \"" + T + "\"}"),
        404,
        "not-found");

    assertThat(
            actions(
                ok(national.get("api/admin/audit?subjectType=account&subjectId=" + username))
                    .path("entries")))
        .containsExactly(
            "account.created",
            "account.disabled",
            "account.enabled",
            "password.reset",
            "password.changed");
    assertThat(
            actions(
                ok(national.get(
                        "api/tenants/" + T + "/audit?subjectType=account&subjectId=" + username))
                    .path("entries")))
        .containsExactly("role.granted", "role.revoked");
  }

  @Test
  void aTenantAdminRevokesRolesAndDisablesAccountsInItsOwnTenantOnly() {
    String elsewhere = "06.141.01.0";
    String self = "admin-r-" + run;
    String coAdmin = "admin-r2-" + run;
    Http tenantAdmin = account(self, "{\"role\": \"TENANT_ADMIN\", \"tenant\": \"" + T + "\"}");
    account(coAdmin, "{\"role\": \"TENANT_ADMIN\", \"tenant\": \"" + T + "\"}");
    Http agent = account("agent-r-" + run, grant("GUICHET_AGENT", T));
    Http signatory = account("sign-r-" + run, grant("SIGNATORY", T));
    Http outsider = account("agent-x-" + run, grant("GUICHET_AGENT", elsewhere));
    Http both =
        account(
            "agent-2-" + run, grant("GUICHET_AGENT", T) + ", " + grant("GUICHET_AGENT", elsewhere));
    String users = "api/tenants/" + T + "/users/";
    String guichet = "{\"role\": \"GUICHET_AGENT\"}";

    // Another tenant's member, or nobody, is not found here; another tenant is not found at all.
    for (String path :
        List.of(
            users + "agent-x-" + run + "/revocations",
            users + "nobody-" + run + "/revocations",
            "api/tenants/" + elsewhere + "/users/agent-x-" + run + "/revocations")) {
      assertProblem(tenantAdmin.post(path, guichet), 404, "not-found");
    }
    for (String path :
        List.of(
            users + "agent-x-" + run + "/disable",
            "api/tenants/" + elsewhere + "/users/agent-x-" + run + "/disable")) {
      assertProblem(tenantAdmin.post(path, ""), 404, "not-found");
    }
    assertThat(outsider.get("api/tenants/" + elsewhere).status()).isEqualTo(200);
    // Only its admins revoke; a role that is not held in a tenant, or no role, is refused.
    assertProblem(agent.post(users + "sign-r-" + run + "/revocations", guichet), 403, "forbidden");
    assertProblem(
        tenantAdmin.post(users + "agent-r-" + run + "/revocations", "{\"role\": \"NOPE\"}"),
        400,
        "bad-request");
    assertProblem(
        tenantAdmin.post(
            users + "agent-r-" + run + "/revocations", "{\"role\": \"NATIONAL_ADMIN\"}"),
        409,
        "conflict");

    JsonNode revoked = ok(tenantAdmin.post(users + "agent-r-" + run + "/revocations", guichet));
    assertThat(revoked.path("roles")).isEmpty();
    assertProblem(agent.get("api/tenants/" + T), 404, "not-found");

    // A member working elsewhere too keeps its account; its role here is revoked instead.
    assertProblem(tenantAdmin.post(users + "agent-2-" + run + "/disable", ""), 409, "conflict");
    ok(tenantAdmin.post(users + "agent-2-" + run + "/revocations", guichet));
    assertProblem(both.get("api/tenants/" + T), 404, "not-found");
    assertThat(both.get("api/tenants/" + elsewhere).status()).isEqualTo(200);

    JsonNode disabled = ok(tenantAdmin.post(users + "sign-r-" + run + "/disable", ""));
    assertThat(disabled.path("enabled").asBoolean()).isFalse();
    assertThat(disabled.path("roles").get(0).asText()).isEqualTo("SIGNATORY");
    assertProblem(signatory.get("api/auth/me"), 403, "account-disabled");
    assertThat(
            ok(tenantAdmin.post(users + "sign-r-" + run + "/enable", ""))
                .path("enabled")
                .asBoolean())
        .isTrue();
    assertThat(signatory.get("api/auth/me").status()).isEqualTo(200);

    // No tenant admin ousts another, nor disables itself; the national administration may.
    assertProblem(
        tenantAdmin.post(users + coAdmin + "/revocations", "{\"role\": \"TENANT_ADMIN\"}"),
        403,
        "forbidden");
    assertProblem(tenantAdmin.post(users + coAdmin + "/disable", ""), 403, "forbidden");
    assertProblem(tenantAdmin.post(users + self + "/disable", ""), 409, "conflict");
    ok(national.post(users + coAdmin + "/revocations", "{\"role\": \"TENANT_ADMIN\"}"));

    String audit = "api/tenants/" + T + "/audit?subjectType=account&subjectId=";
    assertThat(actions(ok(tenantAdmin.get(audit + "agent-r-" + run)).path("entries")))
        .containsExactly("role.granted", "role.revoked");
    JsonNode suspensions = ok(tenantAdmin.get(audit + "sign-r-" + run)).path("entries");
    assertThat(actions(suspensions))
        .containsExactly("role.granted", "account.disabled", "account.enabled");
    assertThat(suspensions.get(1).path("actor").asText()).isEqualTo(self);
    assertThat(actions(ok(tenantAdmin.get(audit + coAdmin)).path("entries")))
        .containsExactly(
            "role.granted", "role.revoke-refused", "account.disabled-refused", "role.revoked");
    assertThat(actions(ok(national.get(audit + "agent-x-" + run)).path("entries")))
        .as("nothing of the other tenant's member was touched")
        .isEmpty();
    assertThat(ok(tenantAdmin.get("api/tenants/" + T + "/audit/verify")).path("intact").asBoolean())
        .isTrue();
  }

  @Test
  void theTokenSigningKeyRotatesAndTokensSignedBeforeStayValid() throws Exception {
    String username = "rotation-" + run;
    account(username, "{\"role\": \"APPLICANT\"}");
    String before = token(username);
    String retired = kid(before);
    assertThat(
            stream(ok(national.get("api/admin/token-keys")))
                .filter(k -> k.path("signing").asBoolean())
                .map(k -> k.path("keyId").asText()))
        .containsExactly(retired);
    assertProblem(http.as(before).post("api/admin/token-keys/rotation", ""), 403, "forbidden");

    JsonNode rotation = ok(national.post("api/admin/token-keys/rotation", ""));
    String signing = rotation.path("signing").asText();
    assertThat(signing).isNotBlank().isNotEqualTo(retired);
    JsonNode old =
        stream(rotation.path("keys"))
            .filter(k -> k.path("keyId").asText().equals(retired))
            .findFirst()
            .orElseThrow();
    assertThat(old.path("signing").asBoolean()).isFalse();
    java.time.Instant retiredAt = java.time.Instant.parse(old.path("retiredAt").asText());
    assertThat(java.time.Instant.parse(old.path("acceptedUntil").asText()))
        .as("accepted for the token lifetime (PT1H) and 90 s more")
        .isEqualTo(retiredAt.plusSeconds(3600 + 90));
    assertThat(rotation.toString()).doesNotContain("\"d\"").doesNotContain("privateJwk");

    // Tokens signed before the rotation stay valid; new ones carry the new key's id.
    assertThat(http.as(before).get("api/auth/me").status()).isEqualTo(200);
    assertThat(national.get("api/admin/token-keys").status()).isEqualTo(200);
    String after = token(username);
    assertThat(kid(after)).isEqualTo(signing);
    assertThat(http.as(after).get("api/auth/me").status()).isEqualTo(200);
    // A token naming the retired key but signed with another is refused.
    String[] parts = after.split("\\.");
    String forged =
        java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    new String(java.util.Base64.getUrlDecoder().decode(parts[0]))
                        .replace(signing, retired)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + "."
            + parts[1]
            + "."
            + parts[2];
    assertProblem(http.as(forged).get("api/auth/me"), 401, "unauthorized");

    JsonNode entries =
        ok(national.get("api/admin/audit?subjectType=token-key&subjectId=" + signing))
            .path("entries");
    assertThat(actions(entries)).containsExactly("token-key.rotated");
    assertThat(entries.get(0).path("actor").asText()).isEqualTo("admin");
    assertThat(entries.get(0).path("detail").asText()).contains(retired);
    assertThat(ok(national.get("api/admin/audit/verify")).path("intact").asBoolean()).isTrue();
  }

  @Test
  void failuresFromOneAddressDoNotLockSignInFromAnother() {
    String username = "cible-" + run;
    account(username, "{\"role\": \"APPLICANT\"}");
    String outsider = "198.51.100." + (int) (System.nanoTime() % 200 + 1);
    for (int i = 0; i < 5; i++) {
      assertProblem(from(outsider, credentials(username, "not-the-password")), 401, "unauthorized");
    }
    Http.Response throttled = from(outsider, credentials(username, PASSWORD));
    assertProblem(throttled, 429, "too-many-requests");
    assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 15 * 60L + 1);

    Http.Response elsewhere = from("203.0.113.9", credentials(username, PASSWORD));
    assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(200);
  }

  @Test
  void aBurstOfParallelSignInsIsAnswered429NotAnOutOfMemoryError() throws Exception {
    String username = "rafale-" + run;
    account(username, "{\"role\": \"APPLICANT\"}");
    ExecutorService pool = Executors.newFixedThreadPool(100);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Http.Response>> futures = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        String address = "192.0.2." + (i + 1);
        Callable<Http.Response> call =
            () -> {
              start.await();
              return from(address, credentials(username, PASSWORD));
            };
        futures.add(pool.submit(call));
      }
      start.countDown();
      int throttled = 0;
      for (Future<Http.Response> future : futures) {
        Http.Response response = future.get();
        assertThat(response.status()).as(response.toString()).isIn(200, 429);
        if (response.status() == 429) {
          assertProblem(response, 429, "too-many-requests");
          assertThat(response.header("Retry-After")).isNotBlank();
          throttled++;
        }
      }
      System.out.println("Parallel sign-ins: " + throttled + " of 100 answered 429");
    } finally {
      pool.shutdownNow();
    }
    assertThat(http.get("health/ready").status()).isEqualTo(200);
    assertThat(http.signIn(username, PASSWORD).get("api/auth/me").status()).isEqualTo(200);
  }

  @Test
  void theNationalAdminEnrollsASecondFactorOutsideDemoModeAndNoCodeServesTwice() throws Exception {
    // The suite's server runs with demo mode off; only 'admin' is exempt (the suites sign in as
    // it): another national admin must enroll before it signs in.
    String username = "natl-" + run;
    created(
        national.post(
            "api/admin/accounts", newAccount(username, "{\"role\": \"NATIONAL_ADMIN\"}")));
    String address = "198.51.100." + (1 + (int) (System.nanoTime() % 200));
    assertProblem(
        from(address, "api/auth/token", credentials(username, PASSWORD)),
        403,
        "second-factor-enrollment-required");

    JsonNode enrollment =
        ok(from(address, "api/auth/second-factor/enrollment", credentials(username, PASSWORD)));
    String secret = enrollment.path("secret").asText();
    assertThat(enrollment.path("otpauthUri").asText())
        .startsWith("otpauth://totp/")
        .contains("secret=" + secret);
    assertThat(enrollment.path("qrCodeSvg").asText()).startsWith("<svg");
    long step = System.currentTimeMillis() / 30_000;
    assertProblem(
        from(
            address,
            "api/auth/second-factor/confirmation",
            withCode(username, wrongCode(secret, step))),
        400,
        "bad-request");
    assertThat(
            from(
                    address,
                    "api/auth/second-factor/confirmation",
                    withCode(username, code(secret, step)))
                .status())
        .isEqualTo(204);
    assertThat(ok(national.get("api/admin/accounts/" + username)).path("secondFactor").asBoolean())
        .isTrue();
    Http.Response again =
        from(address, "api/auth/second-factor/enrollment", credentials(username, PASSWORD));
    assertProblem(again, 409, "conflict");
    assertThat(again.body()).as("a confirmed secret is never shown again").doesNotContain(secret);

    // The password alone no longer signs in; the code of the confirmation is spent; the next one
    // signs in once.
    assertProblem(
        from(address, "api/auth/token", credentials(username, PASSWORD)),
        401,
        "second-factor-required");
    assertProblem(
        from(address, "api/auth/token", withCode(username, code(secret, step))),
        401,
        "unauthorized");
    Http.Response signedIn =
        from(address, "api/auth/token", withCode(username, code(secret, step + 1)));
    String token = ok(signedIn).path("accessToken").asText();
    assertThat(http.as(token).get("api/admin/accounts/" + username).status()).isEqualTo(200);
    assertProblem(
        from(address, "api/auth/token", withCode(username, code(secret, step + 1))),
        401,
        "unauthorized");
    // Required for a national admin: its holder cannot remove it.
    assertProblem(
        from(
            "203.0.113." + (1 + (int) (System.nanoTime() % 200)),
            "api/auth/second-factor/removal",
            withCode(username, code(secret, step + 1))),
        409,
        "conflict");

    // Wrong codes count like wrong passwords: five from one address, then it waits.
    String guesser = "198.18.0." + (1 + (int) (System.nanoTime() % 200));
    for (int i = 0; i < 5; i++) {
      assertProblem(
          from(guesser, "api/auth/token", withCode(username, wrongCode(secret, step))),
          401,
          "unauthorized");
    }
    assertProblem(
        from(guesser, "api/auth/token", withCode(username, code(secret, step + 2))),
        429,
        "too-many-requests");

    // Another national admin resets it (a lost phone): enrollment is required again.
    ok(national.post("api/admin/accounts/" + username + "/second-factor/reset", ""));
    assertProblem(
        from(address, "api/auth/token", credentials(username, PASSWORD)),
        403,
        "second-factor-enrollment-required");
    assertThat(
            actions(
                ok(national.get("api/admin/audit?subjectType=account&subjectId=" + username))
                    .path("entries")))
        .containsSubsequence(
            "account.created",
            "second-factor.enrollment-started",
            "second-factor.enrolled",
            "second-factor.reset");
    assertThat(ok(national.get("api/admin/audit/verify")).path("intact").asBoolean()).isTrue();
  }

  @Test
  void aTenantAdminResetsASignatorysSecondFactorButNotAnotherAdmins() throws Exception {
    String signatory = "sig-" + run;
    String admin = "adm-" + run;
    String otherAdmin = "adm2-" + run;
    account(signatory, grant("SIGNATORY", T));
    Http tenantAdmin = account(admin, grant("TENANT_ADMIN", T));
    account(otherAdmin, grant("TENANT_ADMIN", T));
    String address = "192.0.2." + (101 + (int) (System.nanoTime() % 100));

    JsonNode enrollment =
        ok(from(address, "api/auth/second-factor/enrollment", credentials(signatory, PASSWORD)));
    String secret = enrollment.path("secret").asText();
    long step = System.currentTimeMillis() / 30_000;
    assertThat(
            from(
                    address,
                    "api/auth/second-factor/confirmation",
                    withCode(signatory, code(secret, step)))
                .status())
        .isEqualTo(204);
    assertProblem(
        from(address, "api/auth/token", credentials(signatory, PASSWORD)),
        401,
        "second-factor-required");
    ok(from(address, "api/auth/token", withCode(signatory, code(secret, step + 1))));

    // Its tenant admin resets it: the password alone signs in again.
    assertThat(
            tenantAdmin
                .post("api/tenants/" + T + "/users/" + signatory + "/second-factor/reset", "")
                .status())
        .isEqualTo(200);
    ok(from(address, "api/auth/token", credentials(signatory, PASSWORD)));
    // …but not another tenant admin's: the national administration does that.
    assertProblem(
        tenantAdmin.post("api/tenants/" + T + "/users/" + otherAdmin + "/second-factor/reset", ""),
        403,
        "forbidden");
    assertThat(
            actions(
                ok(tenantAdmin.get(
                        "api/tenants/" + T + "/audit?subjectType=account&subjectId=" + signatory))
                    .path("entries")))
        .contains("second-factor.reset");
    assertThat(
            actions(
                ok(tenantAdmin.get(
                        "api/tenants/" + T + "/audit?subjectType=account&subjectId=" + otherAdmin))
                    .path("entries")))
        .contains("second-factor.reset-refused");

    // An applicant has no second factor to enroll.
    String applicant = "dem-" + run;
    account(applicant, "{\"role\": \"APPLICANT\"}");
    assertProblem(
        from(address, "api/auth/second-factor/enrollment", credentials(applicant, PASSWORD)),
        403,
        "forbidden");
  }

  @Test
  void theBackgroundPassSealsACheckpointThatAnAuditorChecksAgainstThePinnedSealKey()
      throws Exception {
    // The shared test server verifies every 5 s; each pass seals a checkpoint (ADR 0039).
    String pem = ok200(national.get("api/admin/audit/seal-key")).body();
    java.security.PublicKey pinned = ma.rokhsa.infrastructure.security.AuditSeal.readPem(pem);
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
    java.net.http.HttpResponse<byte[]> text;
    do {
      Thread.sleep(500);
      text =
          national.sendBytes(national.request("api/admin/audit/checkpoints/latest").GET().build());
    } while (text.statusCode() == 404 && System.nanoTime() < deadline);
    assertThat(text.statusCode()).isEqualTo(200);
    String checkpoint = new String(text.body(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(checkpoint)
        .startsWith("# Rokhsa audit checkpoint, format 1")
        .contains("sealed by the platform")
        .containsPattern("(?m)^national \\d+ [0-9a-f]{64}$");
    byte[] signature =
        national
            .sendBytes(
                national.request("api/admin/audit/checkpoints/latest/signature").GET().build())
            .body();
    // Another pass may have sealed a newer checkpoint between the two requests: fetch the pair
    // again until they belong together.
    for (int i = 0;
        i < 5
            && !ma.rokhsa.infrastructure.security.AuditSeal.verifies(
                pinned, text.body(), signature);
        i++) {
      text =
          national.sendBytes(national.request("api/admin/audit/checkpoints/latest").GET().build());
      signature =
          national
              .sendBytes(
                  national.request("api/admin/audit/checkpoints/latest/signature").GET().build())
              .body();
    }
    assertThat(ma.rokhsa.infrastructure.security.AuditSeal.verifies(pinned, text.body(), signature))
        .as("the checkpoint bears the seal the auditor pinned")
        .isTrue();
    byte[] altered = text.body().clone();
    altered[altered.length - 2] ^= 1;
    assertThat(ma.rokhsa.infrastructure.security.AuditSeal.verifies(pinned, altered, signature))
        .isFalse();
    assertThat(http.get("api/admin/audit/checkpoints/latest").status()).isEqualTo(401);
  }

  /** A new draft of a permis de construire in {@link #T} (region 06 enabled), its URL. */
  private String draft(Http applicant, String name) {
    ok(national.post("api/admin/rollout/regions/06/enable?dryRun=false", ""));
    return "api/tenants/"
        + T
        + "/dossiers/"
        + created(
                applicant.post(
                    "api/tenants/" + T + "/dossiers",
                    "{\"procedure\": \"permis-de-construire\", \"applicantName\": \""
                        + name
                        + "\", \"contactEmail\": \"draft@example.ma\"}"))
            .path("id")
            .asText();
  }

  private static Http.Response ok200(Http.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response;
  }

  @Test
  void aRowChangedBySqlIsReportedByTheBackgroundVerification() throws Exception {
    // A chain of its own (no other test reads it): three entries, verified by the scheduled pass
    // (every 5 s on the suite's server, claimed like the legal clock's), then two more, one of
    // them changed by SQL.
    // Touizgui (region 10): a real commune (only tenants have chains) that no other test audits.
    // The suite's database is fresh in CI; a run again on the same data finds it broken already.
    String chain = "10.071.03.05";
    assertThat(http.post("api/_probe/audit/" + chain + "/record?count=3", "").status())
        .isEqualTo(200);
    JsonNode verified =
        await(
            () -> check(chain).filter(c -> c.path("verifiedEntries").asLong() == 3),
            "the background verification to reach entry 3 of " + chain);
    assertThat(verified.path("intact").asBoolean()).isTrue();

    assertThat(http.post("api/_probe/audit/" + chain + "/record?count=2", "").status())
        .isEqualTo(200);
    assertThat(http.post("api/_probe/audit/" + chain + "/tamper?sequence=4", "").body())
        .isEqualTo("1");
    JsonNode broken =
        await(
            () -> check(chain).filter(c -> !c.path("intact").asBoolean()),
            "the background verification to find " + chain + " broken");
    assertThat(broken.path("brokenAt").asLong()).isEqualTo(4);
    assertThat(broken.path("fault").asText()).isEqualTo("ALTERED");
    assertThat(broken.path("verifiedEntries").asLong()).as("the checkpoint stays").isEqualTo(3);
    assertThat(broken.path("brokenSince").asText()).isNotBlank();

    // Loud: in the national chain, in the metrics, among the broken; the node still serves. The
    // pass stores what it found, then records it in the national chain: wait for the record.
    JsonNode recorded =
        await(
            () ->
                java.util.Optional.of(
                        ok(
                            national.get(
                                "api/admin/audit?subjectType=audit-chain&subjectId=" + chain)))
                    .filter(page -> !page.path("entries").isEmpty()),
            "the break of " + chain + " in the national chain");
    assertThat(
            stream(recorded.path("entries"))
                .map(e -> e.path("action").asText() + " " + e.path("detail").asText()))
        .containsExactly("audit.chain-broken ALTERED at 4");
    JsonNode onlyBroken = ok(national.get("api/admin/audit/background-verification?broken=true"));
    assertThat(onlyBroken.path("broken").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(stream(onlyBroken.path("chains")).map(c -> c.path("tenant").asText()))
        .contains(chain)
        .doesNotContain("national");
    String metrics = http.get("metrics").body();
    assertThat(metrics).containsPattern("rokhsa_audit_chains_broken(\\{[^}]*\\})? [1-9]");
    assertThat(metrics).contains("rokhsa_audit_verification_last_pass");
    assertThat(http.get("health/ready").status()).isEqualTo(200);
    // Only the national admin reads it.
    assertProblem(
        account("lecteur-" + run, "{\"role\": \"APPLICANT\"}")
            .get("api/admin/audit/background-verification"),
        403,
        "forbidden");
  }

  private java.util.Optional<JsonNode> check(String chain) {
    return stream(ok(national.get("api/admin/audit/background-verification")).path("chains"))
        .filter(c -> c.path("tenant").asText().equals(chain))
        .findFirst();
  }

  private static JsonNode await(
      java.util.function.Supplier<java.util.Optional<JsonNode>> found, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      java.util.Optional<JsonNode> value = found.get();
      if (value.isPresent()) {
        return value.get();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("waited 90 s for " + what);
  }

  // --- helpers -------------------------------------------------------------------------------

  private Http account(String username, String grants) {
    created(national.post("api/admin/accounts", newAccount(username, grants)));
    return http.signIn(username, PASSWORD);
  }

  private String token(String username) {
    return ok(http.post("api/auth/token", credentials(username, PASSWORD)))
        .path("accessToken")
        .asText();
  }

  /** The key id in a token's header. */
  private static String kid(String token) throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]))
        .path("kid")
        .asText();
  }

  private static String grant(String role, String tenant) {
    return "{\"role\": \"" + role + "\", \"tenant\": \"" + tenant + "\"}";
  }

  private static String newAccount(String username, String grants) {
    return "{\"username\": \""
        + username
        + "\", \"displayName\": \""
        + username
        + "\", \"password\": \""
        + PASSWORD
        + "\", \"grants\": ["
        + grants
        + "]}";
  }

  private static String credentials(String username, String password) {
    return "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}";
  }

  /** A sign-in as if from {@code address}, through the trusted proxy (127.0.0.1). */
  private Http.Response from(String address, String body) {
    return from(address, "api/auth/token", body);
  }

  /** A request to {@code path} as if from {@code address}, through the trusted proxy. */
  private Http.Response from(String address, String path, String body) {
    return http.send(
        http.request(path)
            .header("Content-Type", "application/json")
            .header("X-Forwarded-For", address)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static String withCode(String username, String code) {
    return "{\"username\": \""
        + username
        + "\", \"password\": \""
        + PASSWORD
        + "\", \"code\": \""
        + code
        + "\"}";
  }

  /**
   * The RFC 6238 code of a Base32 secret at a time step (HMAC-SHA1, six digits), computed here
   * without the platform's library, so that the test checks it against the standard.
   */
  static String code(String base32, long step) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
    mac.init(new javax.crypto.spec.SecretKeySpec(base32Decode(base32), "HmacSHA1"));
    byte[] hash = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
    int offset = hash[hash.length - 1] & 0xf;
    int binary =
        ((hash[offset] & 0x7f) << 24)
            | ((hash[offset + 1] & 0xff) << 16)
            | ((hash[offset + 2] & 0xff) << 8)
            | (hash[offset + 3] & 0xff);
    return String.format("%06d", binary % 1_000_000);
  }

  /** A code that is none of the secret's around {@code step}. */
  static String wrongCode(String base32, long step) throws Exception {
    java.util.Set<String> valid = new java.util.HashSet<>();
    for (long s = step - 2; s <= step + 2; s++) {
      valid.add(code(base32, s));
    }
    int candidate = 0;
    while (valid.contains(String.format("%06d", candidate))) {
      candidate++;
    }
    return String.format("%06d", candidate);
  }

  private static byte[] base32Decode(String text) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char c : text.replace("=", "").toUpperCase(java.util.Locale.ROOT).toCharArray()) {
      buffer = (buffer << 5) | alphabet.indexOf(c);
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }

  private static List<String> actions(JsonNode entries) {
    return stream(entries).map(e -> e.path("action").asText()).toList();
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }

  private static JsonNode ok(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static JsonNode created(Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json();
  }
}
