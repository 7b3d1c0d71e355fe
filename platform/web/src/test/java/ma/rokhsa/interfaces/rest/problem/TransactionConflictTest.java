package ma.rokhsa.interfaces.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

/** Which failures are a transaction the database rolled back as a conflict, to be sent again. */
class TransactionConflictTest {

  @Test
  void aDeadlockVictimOrASerializationFailureDeepInTheCausesIsAConflict() {
    SQLException h2Deadlock =
        new SQLTransactionRollbackException("Deadlock detected", "40001", 40001);
    RuntimeException jpa = new IllegalStateException("rollback", new RuntimeException(h2Deadlock));
    assertThat(UnexpectedExceptionMapper.transactionConflict(jpa)).contains("40001");
    assertThat(
            UnexpectedExceptionMapper.transactionConflict(
                new RuntimeException(new SQLException("deadlock detected", "40P01"))))
        .contains("40P01");
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(
            UnexpectedExceptionMapper.transactionConflict(
                new RuntimeException(new SQLException("unique violation", "23505"))))
        .isEmpty();
    assertThat(UnexpectedExceptionMapper.transactionConflict(new IllegalStateException("x")))
        .isEmpty();
    assertThat(UnexpectedExceptionMapper.transactionConflict(new SQLException("no state")))
        .isEmpty();
  }
}
