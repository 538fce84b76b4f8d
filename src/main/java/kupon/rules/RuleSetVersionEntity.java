package kupon.rules;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;

/** A rule set version that compiled and became active, with the hashes of its sources. */
@Entity
@Table(name = "rule_set_version")
public class RuleSetVersionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long version;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<RuleSet.SourceInfo> sources;

    /** How many JSON promotions were active in this version. */
    @Column(nullable = false)
    public int promotions;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Who made it: the role and key id of an API caller, "rules folder" for a change on disk. Null before V11. */
    @Column(name = "created_by")
    public String createdBy;

    /** {@link VersionCause.Kind} as text; null for versions recorded before causes were. */
    public String cause;

    /** For a rollback, the version whose rule files it serves again. */
    public Long restores;

    @JdbcTypeCode(SqlTypes.JSON)
    public VersionChanges changes;
}
