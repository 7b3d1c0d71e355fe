package ma.rokhsa.infrastructure.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One rollout wave as stored: its regions as a comma-separated list of codes. */
@Entity
@Table(name = "rollout_wave")
class RolloutWaveEntity {

  @Id
  @Column(name = "name", length = 64)
  String name;

  @Column(name = "position", nullable = false)
  int position;

  @Column(name = "regions", nullable = false, length = 200)
  String regions;
}
