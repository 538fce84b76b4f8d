package kupon.rules;

import kupon.rules.source.RuleSourceKind;
import kupon.rules.source.RuleSource;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Rule sources kept in PostgreSQL: uploaded files with their history, the content of every version's
 * sources (so any version can be built again on any node), drafts from dry-run uploads, and the pin
 * that a rollback sets. Every change moves the shared revision and notifies all nodes.
 */
@ApplicationScoped
public class RuleSourceStore {

    /** Uploaded files appear in the rule set under this folder, apart from the files of the rules directory. */
    public static final String UPLOADED = "uploaded/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgroalDataSource dataSource;

    public RuleSourceStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The current uploaded files, named {@code uploaded/<name>}. */
    public List<RuleSource> uploaded() {
        String sql = "SELECT f.name, f.kind, b.content FROM rule_file f JOIN rule_source_blob b ON b.sha256 = f.sha256 ORDER BY f.name";
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql);
             ResultSet row = query.executeQuery()) {
            List<RuleSource> sources = new ArrayList<>();
            while (row.next()) sources.add(RuleSource.of(UPLOADED + row.getString(1), RuleSourceKind.valueOf(row.getString(2)), row.getBytes(3)));
            return sources;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading uploaded rule files failed: " + e.getMessage(), e);
        }
    }

    /** Stores an upload as the current file of that name, records it in the history and lifts any rollback pin. */
    public void upload(String name, RuleSourceKind kind, byte[] content, String uploadedBy) {
        RuleSource source = RuleSource.of(UPLOADED + name, kind, content);
        inTransaction(c -> {
            saveBlobs(c, List.of(source));
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO rule_file (name, kind, sha256, uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, sha256 = EXCLUDED.sha256,
                        uploaded_at = EXCLUDED.uploaded_at, uploaded_by = EXCLUDED.uploaded_by""");
                 PreparedStatement history = c.prepareStatement(
                         "INSERT INTO rule_file_history (name, kind, sha256, uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, ?)")) {
                for (PreparedStatement statement : List.of(upsert, history)) {
                    statement.setString(1, name);
                    statement.setString(2, kind.name());
                    statement.setString(3, source.sha256());
                    statement.setTimestamp(4, now);
                    statement.setString(5, uploadedBy);
                    statement.executeUpdate();
                }
            }
            setPin(c, null);
            return null;
        });
    }

    /** Removes an uploaded file from the rule set (its history stays); false when there is no such file. */
    public boolean delete(String name) {
        return inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM rule_file WHERE name = ?")) {
                delete.setString(1, name);
                if (delete.executeUpdate() == 0) return false;
            }
            setPin(c, null);
            return true;
        });
    }

    /** The kind of an uploaded file, if there is one of that name. */
    public Optional<RuleSourceKind> kindOf(String name) {
        return inTransaction(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT kind FROM rule_file WHERE name = ?")) {
                query.setString(1, name);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(RuleSourceKind.valueOf(row.getString(1))) : Optional.empty();
                }
            }
        });
    }

    /** A module compiled earlier from sources with this hash. */
    public Optional<RuleSetCompiler.CompiledModule> compiledModule(String sourcesHash) {
        return inTransaction(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT release_version, kjar FROM compiled_rule_set WHERE sources_hash = ?")) {
                query.setString(1, sourcesHash);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(new RuleSetCompiler.CompiledModule(row.getString(1), row.getBytes(2))) : Optional.empty();
                }
            }
        });
    }

    /** Keeps a compiled module, and only the 20 most recent, since old ones are rarely needed and a compile rebuilds them. */
    public void saveCompiledModule(String sourcesHash, RuleSetCompiler.CompiledModule module) {
        inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO compiled_rule_set (sources_hash, release_version, kjar) VALUES (?, ?, ?)
                    ON CONFLICT (sources_hash) DO NOTHING""");
                 PreparedStatement prune = c.prepareStatement("""
                    DELETE FROM compiled_rule_set WHERE sources_hash NOT IN
                      (SELECT sources_hash FROM compiled_rule_set ORDER BY created_at DESC LIMIT 20)""")) {
                insert.setString(1, sourcesHash);
                insert.setString(2, module.releaseVersion());
                insert.setBytes(3, module.kjar());
                insert.executeUpdate();
                prune.executeUpdate();
            }
            return null;
        });
    }

    /** Keeps the content of these sources for good (content-addressed, so storing twice costs nothing). */
    public void saveBlobs(List<RuleSource> sources) {
        inTransaction(c -> {
            saveBlobs(c, sources);
            return null;
        });
    }

    /** The sources a version was built from, read back from their stored content. */
    public Optional<List<RuleSource>> sourcesOf(long version) {
        return inTransaction(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT sources FROM rule_set_version WHERE version = ?")) {
                query.setLong(1, version);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) return Optional.empty();
                    return Optional.of(load(c, read(row.getString(1))));
                }
            }
        });
    }

    /** Keeps a validated set of sources for simulation; returns its id. */
    public String saveDraft(List<RuleSource> sources) {
        String id = "draft-" + UUID.randomUUID().toString().substring(0, 13);
        inTransaction(c -> {
            saveBlobs(c, sources);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO rule_set_draft (id, sources) VALUES (?, ?::jsonb)")) {
                insert.setString(1, id);
                insert.setString(2, JSON.writeValueAsString(sources.stream()
                        .map(s -> new RuleSet.SourceInfo(s.name(), s.kind(), s.sha256())).toList()));
                insert.executeUpdate();
            }
            return null;
        });
        return id;
    }

    public Optional<List<RuleSource>> draft(String id) {
        return inTransaction(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT sources FROM rule_set_draft WHERE id = ?")) {
                query.setString(1, id);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(load(c, read(row.getString(1)))) : Optional.empty();
                }
            }
        });
    }

    public Optional<Long> pinnedVersion() {
        return inTransaction(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT version FROM rule_set_pin");
                 ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.ofNullable((Long) row.getObject(1)) : Optional.empty();
            }
        });
    }

    /** Makes every node serve the rule files of {@code version} (null: the folder and uploads again). */
    public void pin(Long version) {
        inTransaction(c -> {
            setPin(c, version);
            return null;
        });
    }

    private static void setPin(Connection c, Long version) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE rule_set_pin SET version = ?");
             PreparedStatement revision = c.prepareStatement("UPDATE catalog_revision SET revision = revision + 1");
             PreparedStatement notify = c.prepareStatement("SELECT pg_notify('" + RuleChangeListener.CHANNEL + "', 'rules')")) {
            update.setObject(1, version);
            update.executeUpdate();
            revision.executeUpdate();
            notify.execute();
        }
    }

    private static void saveBlobs(Connection c, List<RuleSource> sources) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO rule_source_blob (sha256, content) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING")) {
            for (RuleSource source : sources) {
                insert.setString(1, source.sha256());
                insert.setBytes(2, source.content());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static List<RuleSource> load(Connection c, List<RuleSet.SourceInfo> infos) throws SQLException {
        Map<String, byte[]> contents = new HashMap<>();
        try (PreparedStatement query = c.prepareStatement("SELECT sha256, content FROM rule_source_blob WHERE sha256 = ANY (?)")) {
            query.setArray(1, c.createArrayOf("text", infos.stream().map(RuleSet.SourceInfo::sha256).toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) contents.put(row.getString(1), row.getBytes(2));
            }
        }
        List<RuleSource> sources = new ArrayList<>();
        for (RuleSet.SourceInfo info : infos) {
            byte[] content = contents.get(info.sha256());
            if (content == null) throw new IllegalStateException("The content of " + info.name() + " (" + info.sha256() + ") is not stored");
            sources.add(RuleSource.of(info.name(), info.kind(), content));
        }
        return sources;
    }

    private static List<RuleSet.SourceInfo> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException("Stored rule set sources cannot be read: " + e.getMessage(), e);
        }
    }

    private interface Work<T> {
        T run(Connection connection) throws Exception;
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (Exception e) {
                c.rollback();
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Rule source storage failed: " + e.getMessage(), e);
        }
    }
}
